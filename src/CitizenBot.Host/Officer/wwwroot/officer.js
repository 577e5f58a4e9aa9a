const $ = id => document.getElementById(id);
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const maxImportMb = Number(document.querySelector('meta[name="max-import-mb"]').content);
const json = (body) => ({method:'POST', headers:{'Content-Type':'application/json', 'X-CSRF-TOKEN': csrf}, body: JSON.stringify(body)});
async function bodyOf(r) { try { return await r.json(); } catch { return {}; } }
$('login').onclick = async () => {
  const r = await fetch('/officer/api/login', json({token: $('token').value}));
  const j = await bodyOf(r);
  $('loginResult').textContent = r.ok ? '✅ Đã đăng nhập' : ('❌ ' + (j.error || 'Mã truy cập không đúng'));
  if (r.ok) { $('token').value = ''; loadImports(); }
};
$('logout').onclick = async () => {
  const r = await fetch('/officer/api/logout', json({}));
  $('loginResult').textContent = r.ok ? 'Đã đăng xuất.' : 'Chưa đăng nhập.';
  $('imports').replaceChildren();
};
async function loadImports() {
  const r = await fetch('/officer/api/dossiers/imports');
  const box = $('imports');
  box.replaceChildren();
  if (!r.ok) return;
  const j = await r.json();
  for (const i of j.interrupted) {
    const p = document.createElement('p');
    p.className = 'warning';
    p.textContent = i.text;
    box.appendChild(p);
  }
}
$('import').onclick = async () => {
  const f = $('file').files[0];
  if (!f) { $('report').textContent = 'Chọn tệp CSV trước.'; return; }
  if (f.size > maxImportMb * 1024 * 1024) { $('report').textContent = `Tệp quá lớn (tối đa ${maxImportMb} MB). Xin chia tệp thành nhiều tệp nhỏ hơn rồi nhập lần lượt.`; return; }
  $('report').textContent = 'Đang nhập…';
  const r = await fetch('/officer/api/dossiers/import?name=' + encodeURIComponent(f.name), {method:'POST', headers:{'Content-Type':'text/csv', 'X-CSRF-TOKEN': csrf}, body: f});
  const j = await bodyOf(r);
  $('report').textContent = r.ok
    ? `Thêm mới: ${j.created}, cập nhật: ${j.updated}, không đổi: ${j.unchanged}, dòng lỗi: ${j.errorCount}\n` + j.errors.map(e => `Dòng ${e.line}: ${e.reason}`).join('\n')
      + (j.errorCount > j.errors.length ? `\n… và ${j.errorCount - j.errors.length} dòng lỗi khác (chỉ liệt kê ${j.errors.length} dòng đầu).` : '')
    : (j.error || (r.status === 413 ? `Tệp quá lớn (tối đa ${maxImportMb} MB).` : ('Lỗi ' + r.status)));
  loadImports();
};
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
loadImports();
