namespace CitizenBot.Host.Officer;

/// <summary>
/// A plain page for the one-stop desk: log in with the access token, import dossiers, run a reception day
/// (list, mark attended or absent, export), add a leader's session, and read the month's ratings.
/// Citizens' words are put on the page as text, never as HTML. No inline script or style: the page works under a strict
/// Content-Security-Policy; its script and style are served beside it.
/// </summary>
internal static class OfficerPage
{
    /// <summary>The page, with the antiforgery token and the upload limit filled in.</summary>
    public static string Render(string csrfToken, int maxImportMegabytes) => Html
        .Replace("{{csrf}}", System.Net.WebUtility.HtmlEncode(csrfToken), StringComparison.Ordinal)
        .Replace("{{maxImportMb}}", maxImportMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public const string Style = """
body{font-family:system-ui,sans-serif;max-width:760px;margin:24px auto;padding:0 12px;font-size:17px}
section{border:1px solid #ccd;border-radius:10px;padding:14px;margin:14px 0}
button{font-size:17px;padding:8px 14px}input{font-size:17px;padding:6px}
pre{background:#f4f6f8;padding:10px;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;font-size:15px}td,th{border:1px solid #ccd;padding:4px 6px;text-align:left;vertical-align:top}
.warning{background:#fff4e0;border:1px solid #e0a040;border-radius:8px;padding:8px}
""";

    private const string Html = """
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CitizenBot: trang cán bộ</title>
<meta name="csrf-token" content="{{csrf}}"><meta name="max-import-mb" content="{{maxImportMb}}">
<link rel="stylesheet" href="/officer/officer.css">
</head>
<body>
<h1>Trang cán bộ</h1>
<section>
<h2>1. Đăng nhập</h2>
<p>Nhập mã đăng nhập của riêng đồng chí (nhắn <code>/dangnhapweb</code> cho bot trên Telegram), hoặc mã truy cập chung (cấu hình Officer:Token, hoặc tệp <code>officer-token</code> trong thư mục dữ liệu).</p>
<input id="token" type="password" autocomplete="off"> <button id="login">Đăng nhập</button> <button id="logout">Đăng xuất</button>
<span id="loginResult"></span>
</section>
<section>
<h2>2. Nhập hồ sơ từ tệp CSV</h2>
<p>Cột: <code>code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at</code></p>
<input id="file" type="file" accept=".csv,text/csv"> <button id="import">Nhập hồ sơ</button>
<pre id="report"></pre>
<div id="imports"></div>
</section>
<section>
<h2>3. Lịch tiếp công dân</h2>
<input id="day" type="date"> <button id="loadDay">Xem danh sách</button>
<button id="csv">Tải CSV</button> <button id="xlsx">Tải Excel</button>
<p id="sessions"></p>
<table id="bookings"><thead><tr><th>Giờ</th><th>Mã</th><th>Họ tên</th><th>Điện thoại</th><th>Nội dung</th><th>Trạng thái</th><th></th></tr></thead><tbody></tbody></table>
<p id="dayResult"></p>
</section>
<section>
<h2>4. Thêm buổi tiếp của lãnh đạo</h2>
<input id="sessionDate" type="date"> <input id="sessionTitle" placeholder="Chủ tịch UBND xã tiếp công dân" size="34">
<button id="addSession">Thêm</button> <span id="sessionResult"></span>
</section>
<section>
<h2>5. Đánh giá mức độ hài lòng</h2>
<input id="month" type="month"> <button id="loadRatings">Xem thống kê</button>
<pre id="ratings"></pre>
</section>
<section>
<h2>6. Câu hỏi của công dân</h2>
<button id="loadQuestions">Xem câu hỏi đang chờ</button>
<div id="questions"></div>
</section>
<section>
<h2>7. Gửi thông báo tới các thôn</h2>
<textarea id="annText" rows="4" cols="60" placeholder="Nội dung thông báo"></textarea><br>
<input id="annVillages" size="50" placeholder="Các thôn, cách nhau dấu phẩy (để trống = tất cả)">
<button id="publish">Gửi thông báo</button>
<pre id="annResult"></pre>
</section>
<p><a href="/hangfire">Công việc nền (Hangfire)</a></p>
<script src="/officer/officer.js"></script>
</body>
</html>
""";
}
