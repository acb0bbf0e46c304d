// Every /api call the frontend makes, with its status: a journey fails when one of them fails (a status of
// 400 or more, or no answer at all) unless the journey said beforehand that this very failure is what a
// person should meet (a wrong password, a removed video). Uncaught errors in the page fail it too.

export class ApiWatch {
  constructor() {
    this.calls = [];
    this.problems = [];
    this.allowed = [];
  }

  watch(page) {
    page.on('response', (response) => this.onResponse(response));
    page.on('requestfailed', (request) => this.onFailed(request));
    page.on('pageerror', (error) => this.problems.push(`uncaught error in ${page.url()}: ${error.message}`));
  }

  begin() {
    this.calls = [];
    this.problems = [];
    this.allowed = [];
  }

  // A failure the journey expects: `method` and a path pattern (RegExp) answered `status`.
  allow(method, pathPattern, status) {
    this.allowed.push({ method, pathPattern, status });
  }

  isApi(url) {
    return new URL(url).pathname.startsWith('/api/');
  }

  onResponse(response) {
    const request = response.request();
    if (!this.isApi(request.url())) return;
    const path = new URL(request.url()).pathname + new URL(request.url()).search;
    const call = { method: request.method(), path, status: response.status() };
    this.calls.push(call);
    if (call.status < 400) return;
    const expected = this.allowed.some((a) => a.method === call.method && a.pathPattern.test(new URL(request.url()).pathname) &&
      a.status === call.status);
    if (expected) return;
    const problem = { text: `${call.method} ${path} answered ${call.status}` };
    this.problems.push(problem);
    response.text().then((body) => { problem.text += `: ${body.slice(0, 300)}`; }, () => {});
  }

  onFailed(request) {
    if (!this.isApi(request.url())) return;
    const reason = request.failure()?.errorText ?? 'no answer';
    // A page left while a call was in flight cancels it; that is the browser's doing, not the server's.
    if (reason === 'net::ERR_ABORTED') return;
    this.problems.push(`${request.method()} ${new URL(request.url()).pathname} got no answer: ${reason}`);
  }

  // The calls made since begin() whose method and path match.
  made(method, pathPattern) {
    return this.calls.filter((call) => call.method === method && pathPattern.test(call.path));
  }

  failures() {
    return this.problems.map((problem) => (typeof problem === 'string' ? problem : problem.text));
  }
}
