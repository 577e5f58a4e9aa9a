namespace CitizenBot.Host.Officer;

/// <summary>
/// A plain page for the one-stop desk: log in with the access token, import dossiers, run a reception day
/// (list, mark attended or absent, export), add a leader's session, and read the month's ratings.
/// Citizens' words are put on the page as text, never as HTML.
/// </summary>
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
table{border-collapse:collapse;width:100%;font-size:15px}td,th{border:1px solid #ccd;padding:4px 6px;text-align:left;vertical-align:top}
</style>
</head>
<body>
<h1>Trang cán bộ</h1>
<section>
<h2>1. Đăng nhập</h2>
<p>Nhập mã đăng nhập của riêng đồng chí (nhắn <code>/dangnhapweb</code> cho bot trên Telegram), hoặc mã truy cập chung (cấu hình Officer:Token, hoặc tệp <code>officer-token</code> trong thư mục dữ liệu).</p>
<input id="token" type="password" autocomplete="off"> <button id="login">Đăng nhập</button>
<span id="loginResult"></span>
</section>
<section>
<h2>2. Nhập hồ sơ từ tệp CSV</h2>
<p>Cột: <code>code,procedure,field,applicant,phone,channel,received_at,due_at,status,resolved_at</code></p>
<input id="file" type="file" accept=".csv,text/csv"> <button id="import">Nhập hồ sơ</button>
<pre id="report"></pre>
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
const $ = id => document.getElementById(id);
const json = (body) => ({method:'POST', headers:{'Content-Type':'application/json'}, body: JSON.stringify(body)});
function cell(row, text) { const td = document.createElement('td'); td.textContent = text; row.appendChild(td); return td; }
async function loadDay() {
  const r = await fetch('/officer/api/reception/bookings?date=' + encodeURIComponent($('day').value));
  const j = await r.json();
  const body = $('bookings').querySelector('tbody');
  body.replaceChildren();
  if (!r.ok) { $('dayResult').textContent = j.error || ('Lỗi ' + r.status); return; }
  $('sessions').textContent = j.sessions.length ? 'Buổi tiếp: ' + j.sessions.join('; ') : 'Ngày này không có buổi tiếp.';
  $('dayResult').textContent = `Số lịch hẹn: ${j.bookings.length}`;
  for (const b of j.bookings) {
    const row = document.createElement('tr');
    cell(row, b.time); cell(row, b.code); cell(row, b.name); cell(row, b.phone); cell(row, b.topic + ': ' + b.details);
    const status = cell(row, b.status);
    const actions = cell(row, '');
    for (const [label, attended] of [['Có mặt', true], ['Vắng', false]]) {
      const btn = document.createElement('button');
      btn.textContent = label;
      btn.onclick = async () => {
        const m = await fetch(`/officer/api/reception/bookings/${encodeURIComponent(b.code)}/mark`, json({attended}));
        const mj = await m.json();
        if (m.ok) status.textContent = mj.status; else $('dayResult').textContent = mj.error;
      };
      actions.appendChild(btn);
    }
    body.appendChild(row);
  }
}
$('loadDay').onclick = loadDay;
$('csv').onclick = () => location.href = '/officer/api/reception/export?format=csv&date=' + encodeURIComponent($('day').value);
$('xlsx').onclick = () => location.href = '/officer/api/reception/export?format=xlsx&date=' + encodeURIComponent($('day').value);
$('addSession').onclick = async () => {
  const r = await fetch('/officer/api/reception/sessions', json({date: $('sessionDate').value, title: $('sessionTitle').value}));
  const j = await r.json();
  $('sessionResult').textContent = r.ok ? '✅ Đã thêm' : ('❌ ' + j.error);
};
async function loadQuestions() {
  const r = await fetch('/officer/api/questions');
  const box = $('questions');
  box.replaceChildren();
  if (!r.ok) { box.textContent = 'Cần đăng nhập.'; return; }
  const list = await r.json();
  if (!list.length) { box.textContent = 'Không có câu hỏi nào đang chờ.'; return; }
  for (const q of list) {
    const div = document.createElement('div');
    const p = document.createElement('p'); p.textContent = `${q.tag}: ${q.text}`; div.appendChild(p);
    const answer = document.createElement('textarea'); answer.rows = 3; answer.cols = 60; div.appendChild(answer);
    const btn = document.createElement('button'); btn.textContent = 'Gửi trả lời';
    const result = document.createElement('span');
    btn.onclick = async () => {
      const a = await fetch(`/officer/api/questions/${encodeURIComponent(q.tag)}/answer`, json({text: answer.value}));
      const aj = await a.json();
      result.textContent = a.ok ? ' ✅ Đã gửi' : (' ❌ ' + aj.error);
    };
    div.appendChild(btn); div.appendChild(result);
    box.appendChild(div);
  }
}
$('loadQuestions').onclick = loadQuestions;
$('publish').onclick = async () => {
  const villages = $('annVillages').value.split(',').map(v => v.trim()).filter(v => v);
  const r = await fetch('/officer/api/announcements', json({text: $('annText').value, villages}));
  const j = await r.json();
  if (!r.ok) { $('annResult').textContent = '❌ ' + j.error; return; }
  $('annResult').textContent = `Đang gửi ${j.code} tới ${j.recipients} nơi nhận…`;
  const timer = setInterval(async () => {
    const s = await fetch('/officer/api/announcements/' + j.id);
    const sj = await s.json();
    $('annResult').textContent = sj.text;
    if (sj.pending === 0) clearInterval(timer);
  }, 2000);
};
$('loadRatings').onclick = async () => {
  const r = await fetch('/officer/api/ratings?month=' + encodeURIComponent($('month').value));
  const j = await r.json();
  $('ratings').textContent = r.ok ? j.text : (j.error || ('Lỗi ' + r.status));
};
</script>
</body>
</html>
""";
}
