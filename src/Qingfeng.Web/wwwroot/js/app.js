// Idle session timeout: after the configured minutes without keyboard or pointer activity,
// sign out and return to the login page. The server-side cookie also expires (sliding).
(function () {
  let last = Date.now();
  const touch = () => { last = Date.now(); };
  ['keydown', 'mousemove', 'mousedown', 'touchstart', 'scroll'].forEach(e =>
    document.addEventListener(e, touch, { passive: true, capture: true }));
  setInterval(async () => {
    const marker = document.getElementById('qf-idle');
    if (!marker) return;
    const minutes = parseInt(marker.dataset.minutes || '30', 10);
    if (Date.now() - last > minutes * 60 * 1000) {
      marker.remove();
      try { await fetch('/account/logout', { method: 'POST', credentials: 'same-origin' }); } catch (e) { /* ignore */ }
      location.href = '/account/login?reason=idle';
    }
  }, 15000);
  window.qingfeng = {
    download: (fileName, contentType, base64) => {
      const link = document.createElement('a');
      link.href = `data:${contentType};base64,${base64}`;
      link.download = fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  };
})();
