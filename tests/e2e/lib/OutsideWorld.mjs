// Every request the browser makes beyond loopback is answered here, locally: the machine running the
// suite has no network, and the site must not depend on one to be tested. Thumbnails (i.ytimg.com, the
// placeholder service) get a small picture, the YouTube player its own stand-in page naming the video it
// was asked for, Google Fonts an empty style sheet; anything else is refused and listed in the summary.

const kLoopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

function thumbnail(label) {
  const text = label.replace(/[<&>"]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270"><rect width="480" height="270" fill="#6b21a8"/>` +
    `<text x="240" y="140" fill="#fff" font-size="18" text-anchor="middle">${text}</text></svg>`;
}

function playerPage(videoId) {
  return `<!doctype html><html><head><title>YouTube player stand-in</title></head>` +
    `<body style="margin:0;background:#000;color:#fff;font:16px sans-serif" data-video-id="${videoId}">` +
    `<p id="stand-in">YouTube player stand-in for video ${videoId}</p></body></html>`;
}

export class OutsideWorld {
  constructor() {
    this.answered = new Map();  // host → requests answered locally
    this.refused = [];          // URLs nobody answers
  }

  // Routes every request of `context` (all its pages and frames) through this.
  async attach(context) {
    await context.route('**/*', (route) => this.answer(route));
  }

  async answer(route) {
    const url = new URL(route.request().url());
    if (!url.protocol.startsWith('http') || kLoopbackHosts.has(url.hostname)) return route.continue();
    const reply = this.localReply(url, route.request().resourceType());
    if (!reply) {
      this.refused.push(url.href);
      return route.abort('blockedbyclient');
    }
    this.answered.set(url.hostname, (this.answered.get(url.hostname) ?? 0) + 1);
    return route.fulfill(reply);
  }

  // What answers a request beyond loopback, if anything does.
  localReply(url, resourceType) {
    const embed = url.pathname.match(/^\/embed\/([\w-]+)/);
    if (url.hostname === 'www.youtube.com' && embed) return { status: 200, contentType: 'text/html', body: playerPage(embed[1]) };
    if (url.hostname === 'fonts.googleapis.com') {
      return { status: 200, contentType: 'text/css', body: '/* fonts are answered locally: none */' };
    }
    if (url.hostname === 'fonts.gstatic.com') return { status: 404, body: '' };
    if (resourceType === 'image') return { status: 200, contentType: 'image/svg+xml', body: thumbnail(url.pathname) };
    return null;
  }

  summary() {
    const answered = [...this.answered].map(([host, count]) => `${host} ${count}`);
    return `answered locally: ${answered.join(', ') || 'nothing'}` +
      (this.refused.length ? `; refused: ${[...new Set(this.refused)].join(', ')}` : '');
  }
}
