// The console works without this script; it only asks before a button marked data-confirm does something that cannot be undone.
document.addEventListener('submit', function (e) {
  var button = e.submitter;
  var text = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
  if (text && !window.confirm(text)) { e.preventDefault(); }
});
