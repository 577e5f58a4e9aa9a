namespace CitizenBot.Host.Officer;

/// <summary>A plain page for the one-stop desk: log in with the access token, upload the dossier CSV.</summary>
internal static class OfficerPage
{
    public const string Html = """
<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CitizenBot: trang cán bộ</title>
<style>
body{font-family:system-ui,sans-serif;max-width:760px;margin:24px auto;padding:0 12px;font-size:17px}
section{border:1px solid #ccd;border-radius:10px;padding:14px;margin:14px 0}
button{font-size:17px;padding:8px 14px}input{font-size:17px;padding:6px}
pre{background:#f4f6f8;padding:10px;white-space:pre-wrap}
</style>
</head>
<body>
<h1>Trang cán bộ</h1>
<section>
<h2>1. Đăng nhập</h2>
<p>Nhập mã truy cập (cấu hình Officer:Token, hoặc tệp <code>officer-token</code> trong thư mục dữ liệu).</p>
<input id="token" type="password" autocomplete="off"> <button id="login">Đăng nhập</button>
<span id="loginResult"></span>
</section>
<section>
<h2>2. Nhập hồ sơ từ tệp CSV</h2>
<p>Cột: <code>code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at</code></p>
<input id="file" type="file" accept=".csv,text/csv"> <button id="import">Nhập hồ sơ</button>
<pre id="report"></pre>
</section>
<p><a href="/hangfire">Công việc nền (Hangfire)</a></p>
<script>
document.getElementById('login').onclick = async () => {
  const r = await fetch('/officer/api/login', {method:'POST', headers:{'Content-Type':'application/json'}, body: JSON.stringify({token: document.getElementById('token').value})});
  document.getElementById('loginResult').textContent = r.ok ? '✅ Đã đăng nhập' : '❌ Mã truy cập không đúng';
};
document.getElementById('import').onclick = async () => {
  const f = document.getElementById('file').files[0];
  if (!f) { document.getElementById('report').textContent = 'Chọn tệp CSV trước.'; return; }
  const r = await fetch('/officer/api/dossiers/import', {method:'POST', headers:{'Content-Type':'text/csv'}, body: await f.text()});
  const j = await r.json();
  document.getElementById('report').textContent = r.ok
    ? `Thêm mới: ${j.created}, cập nhật: ${j.updated}, không đổi: ${j.unchanged}\n` + j.errors.map(e => `Dòng ${e.line}: ${e.reason}`).join('\n')
    : (j.error || ('Lỗi ' + r.status));
};
</script>
</body>
</html>
""";
}
