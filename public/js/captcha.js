// Progressive enhancement for the 「驗證碼」 field (src/platform/captcha/captcha.field.tsx); the field works
// without this file (native audio player, 更換驗證碼 posts the form and comes back).
// - Replaces the native player with one 「▶ 播放驗證碼語音」 button: a single, clearly named control for
//   keyboard and screen-reader users. If the browser cannot play the audio, the native player comes back.
// - 更換驗證碼 fetches a new challenge and swaps image and audio in place: nothing typed in the form is lost.
//   If that fails, the button does what it does without JavaScript.
// - A page restored from the back/forward cache gets a new challenge (its old image may be void by now).
(function () {
  if (window.shiqiurenCaptcha) return;
  window.shiqiurenCaptcha = true;

  function stamp() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  function announce(status, text) {
    if (!status) return;
    status.textContent = '';
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function enhance(field) {
    var img = field.querySelector('img.captcha-image');
    var wrapper = field.querySelector('[data-captcha-audio]');
    var audio = wrapper && wrapper.querySelector('audio');
    var input = field.querySelector('input[name="captcha"]');
    var refresh = field.querySelector('[data-captcha-refresh]');
    var status = field.querySelector('[data-captcha-status]');

    if (audio && typeof audio.play === 'function' && audio.canPlayType && audio.canPlayType('audio/wav')) {
      var play = document.createElement('button');
      play.type = 'button';
      play.className = 'secondary captcha-play';
      var icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = '▶ ';
      play.appendChild(icon);
      play.appendChild(document.createTextNode('播放驗證碼語音'));
      wrapper.parentNode.insertBefore(play, wrapper);
      wrapper.hidden = true;
      play.addEventListener('click', function () {
        try {
          audio.pause();
          audio.currentTime = 0;
        } catch {
          // not loaded yet: nothing to rewind
        }
        var started = audio.play();
        if (started && typeof started.catch === 'function') {
          started.catch(function () {
            wrapper.hidden = false;
            announce(status, '無法自動播放，請使用下方的語音播放器。');
          });
        }
      });
    }

    function swap(message) {
      var ts = stamp();
      if (img) img.src = '/captcha/image?ts=' + ts;
      if (audio) {
        audio.pause();
        audio.src = '/captcha/audio?ts=' + ts;
        audio.load();
        var link = audio.querySelector('a');
        if (link) link.href = audio.src;
      }
      if (input) input.value = '';
      if (message) announce(status, message);
    }

    function renew(message, onFail) {
      if (!window.fetch || !refresh) return onFail();
      window
        .fetch('/captcha/refresh', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { accept: 'application/json', 'x-csrf-token': refresh.getAttribute('data-csrf') || '' },
        })
        .then(function (res) {
          if (!res.ok) throw new Error('refresh failed');
          swap(message);
        })
        .catch(onFail);
    }

    if (refresh) {
      refresh.addEventListener('click', function (event) {
        if (refresh.getAttribute('data-native') === '1') return;
        event.preventDefault();
        renew('已更換驗證碼，請輸入新圖片中的數字。', function () {
          refresh.setAttribute('data-native', '1');
          refresh.click();
        });
      });
    }

    window.addEventListener('pageshow', function (event) {
      if (event.persisted) renew('', function () {});
    });
  }

  var fields = document.querySelectorAll('[data-captcha]');
  for (var i = 0; i < fields.length; i++) enhance(fields[i]);
})();
