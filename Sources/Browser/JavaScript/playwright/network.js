// Playwright's network objects in the support realm (playwright.dev/docs/api/class-request,
// class-response, class-route, class-apirequestcontext, class-apiresponse), over a context's
// `RequestRouting` (`PlaywrightRuntime`'s `setRouting`, `routeContinue`, `routeFulfill`,
// `routeAbort`, `responseBody`) and its fetcher (`apiFetch`: the context's cookies go with API
// requests and their `Set-Cookie` come back into it, as Playwright's `context.request` does).
//
// Bodies cross as base64 text. A route's handler decides once (`continue`, `fulfill`, `abort`;
// `fallback` hands the request to the next matching route, and the last one continues it).
//
// Exports: `Request`, `Response`, `Route`, `APIRequestContext`, `APIResponse`, `matchingRoutes`,
// `urlMatches(baseURL, url, match)` (Playwright's URL matching: a glob string, a RegExp or a predicate),
// `mimeTypeOf(path)` (the MIME type Playwright gives a file by its extension).
(host, runtime) => {
  'use strict';
  const { JSONParse, JSONStringify, Error, TypeError, ObjectFreeze, ArrayPrototypePush, ArrayIsArray, String, Number, Promise,
    ObjectKeys, StringPrototypeToLowerCase, StringPrototypeLastIndexOf, StringPrototypeSlice, ArrayPrototypeSlice,
    ObjectEntries, RegExp, RegExpPrototypeExec, StringPrototypeStartsWith } = runtime.primordials;
  const buffer = () => runtime.modules.builtin('buffer').Buffer;
  const bytesOf = (base64) => (base64 === null || base64 === undefined ? null : buffer().from(runtime.buffer.fromBase64(base64)));

  /// Headers as an object whose names are lowercased (Playwright's `headers()`).
  const lowercased = (headers) => {
    const out = {};
    for (const name of ObjectKeys(headers ?? {})) out[StringPrototypeToLowerCase(name)] = String(headers[name]);
    return out;
  };

  class Request {
    #data; #page; #response = null; #failure = null; #settled = null; #settle = null;
    constructor(data, page) {
      this.#data = data;
      this.#page = page;
      this.#settled = new Promise((resolve) => { this.#settle = resolve; });
    }
    url() { return this.#data.url; }
    method() { return this.#data.method; }
    headers() { return { ...this.#data.headers }; }
    async allHeaders() { return this.headers(); }
    async headerValue(name) { return this.#data.headers[StringPrototypeToLowerCase(String(name))] ?? null; }
    postData() { const body = bytesOf(this.#data.postData); return body === null ? null : body.toString('utf8'); }
    postDataBuffer() { return bytesOf(this.#data.postData); }
    postDataJSON() {
      const text = this.postData();
      if (text === null) return null;
      const type = this.#data.headers['content-type'] ?? '';
      if (type.includes('application/x-www-form-urlencoded')) {
        const entries = {};
        for (const [name, value] of new URLSearchParams(text)) entries[name] = value;
        return entries;
      }
      return JSONParse(text);
    }
    resourceType() { return this.#data.resourceType; }
    isNavigationRequest() { return this.#data.isNavigationRequest; }
    frame() { return this.#page.mainFrame(); }
    page() { return this.#page; }
    redirectedFrom() { return null; }
    redirectedTo() { return null; }
    failure() { return this.#failure; }
    timing() { return { startTime: 0, domainLookupStart: -1, domainLookupEnd: -1, connectStart: -1, secureConnectionStart: -1,
      connectEnd: -1, requestStart: -1, responseStart: -1, responseEnd: -1 }; }
    async response() {
      await this.#settled;
      return this.#response;
    }
    _responded(response) { this.#response = response; this.#settle(); }
    _failed(errorText) { this.#failure = { errorText }; this.#settle(); }
  }

  /// The response of a request of a page (its body is fetched from Swift when asked for).
  class Response {
    #data; #request; #body;
    constructor(data, request, body) {
      this.#data = data;
      this.#request = request;
      this.#body = body;
    }
    url() { return this.#data.url; }
    status() { return this.#data.status; }
    statusText() { return this.#data.statusText; }
    ok() { return this.#data.status === 0 || (this.#data.status >= 200 && this.#data.status <= 299); }
    headers() { return { ...this.#data.headers }; }
    async allHeaders() { return this.headers(); }
    async headerValue(name) { return this.#data.headers[StringPrototypeToLowerCase(String(name))] ?? null; }
    request() { return this.#request; }
    frame() { return this.#request.frame(); }
    async finished() { return null; }
    async body() {
      const body = this.#body();
      if (body === null) throw new Error('response.body: Response body is unavailable for redirect responses');
      return body;
    }
    async text() { return (await this.body()).toString('utf8'); }
    async json() { return JSONParse(await this.text()); }
  }

  /// The MIME type Playwright gives a file by its extension (the common ones).
  const mimeTypes = { __proto__: null, txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript',
    mjs: 'text/javascript', json: 'application/json', csv: 'text/csv', xml: 'application/xml', png: 'image/png', jpg: 'image/jpeg',
    jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', webp: 'image/webp', pdf: 'application/pdf' };
  const mimeTypeOf = (path) => {
    const dot = StringPrototypeLastIndexOf(path, '.');
    return (dot < 0 ? undefined : mimeTypes[StringPrototypeToLowerCase(StringPrototypeSlice(path, dot + 1))]) ?? 'application/octet-stream';
  };

  /// The body and headers of `route.fulfill(options)` (and of API requests' `data`).
  const fulfillment = async (options) => {
    let status = options.status ?? 200;
    const headers = [];
    const given = options.headers ?? {};
    let body;
    let contentType = options.contentType;
    if (options.response !== undefined) {
      status = options.status ?? options.response.status();
      const from = options.response.headers();
      for (const name of ObjectKeys(from)) if (given[name] === undefined) given[name] = from[name];
      if (options.body === undefined && options.json === undefined && options.path === undefined) body = await options.response.body();
    }
    if (options.json !== undefined) {
      body = buffer().from(JSONStringify(options.json), 'utf8');
      contentType ??= 'application/json';
    } else if (options.path !== undefined) {
      body = buffer().from(runtime.fs.readBytes(String(options.path)));
      contentType ??= mimeTypeOf(String(options.path));
    } else if (options.body !== undefined) {
      body = typeof options.body === 'string' ? buffer().from(options.body, 'utf8') : buffer().from(options.body);
      if (typeof options.body === 'string') contentType ??= 'text/plain';
    }
    body ??= buffer().alloc(0);
    let hasType = false;
    for (const name of ObjectKeys(given)) {
      if (StringPrototypeToLowerCase(name) === 'content-type') hasType = true;
      ArrayPrototypePush(headers, [name, String(given[name])]);
    }
    if (!hasType && contentType !== undefined) ArrayPrototypePush(headers, ['content-type', contentType]);
    ArrayPrototypePush(headers, ['content-length', String(body.length)]);
    return { status, headers, body };
  };

  class Route {
    #context; #id; #request; #api; #handled = false; #fellBack = false;
    constructor(context, id, request, api) {
      this.#context = context;
      this.#id = id;
      this.#request = request;
      this.#api = api;
    }
    request() { return this.#request; }
    get _fellBack() { return this.#fellBack; }
    get _handled() { return this.#handled; }
    #decide(method) {
      if (this.#handled) throw new Error(`route.${method}: Route is already handled!`);
      this.#handled = true;
    }
    async continue(overrides = {}) {
      this.#decide('continue');
      host.routeContinue(this.#context, this.#id, JSONStringify({
        url: overrides.url, method: overrides.method, headers: overrides.headers === undefined ? undefined : lowercased(overrides.headers),
        postData: overrides.postData === undefined ? undefined
          : runtime.buffer.toBase64(typeof overrides.postData === 'string' ? buffer().from(overrides.postData, 'utf8') : overrides.postData),
      }));
    }
    async fulfill(options = {}) {
      this.#decide('fulfill');
      const { status, headers, body } = await fulfillment(options);
      host.routeFulfill(this.#context, this.#id, JSONStringify({ status, statusText: statusTexts[status] ?? '', headers,
        body: runtime.buffer.toBase64(body) }));
    }
    async abort(errorCode = 'failed') {
      this.#decide('abort');
      host.routeAbort(this.#context, this.#id, `net::ERR_${String(errorCode).toUpperCase()}`);
    }
    /// Hands the request to the next matching route (the last one continues it).
    async fallback() {
      if (this.#handled) throw new Error('route.fallback: Route is already handled!');
      this.#fellBack = true;
    }
    /// The request as it would go out, fetched through the context (its cookies), for `fulfill({ response })`.
    async fetch(options = {}) {
      return this.#api.fetch(options.url ?? this.#request.url(), {
        method: options.method ?? this.#request.method(), headers: options.headers ?? this.#request.headers(),
        data: options.postData ?? this.#request.postDataBuffer() ?? undefined, maxRedirects: options.maxRedirects,
      });
    }
  }
  const statusTexts = { __proto__: null, 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found',
    303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
    401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity',
    500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

  /// Playwright's APIResponse: a whole response of an API request.
  class APIResponse {
    #data; #body;
    constructor(data, body) {
      this.#data = data;
      this.#body = body;
    }
    url() { return this.#data.url; }
    status() { return this.#data.status; }
    statusText() { return this.#data.statusText; }
    ok() { return this.#data.status >= 200 && this.#data.status <= 299; }
    headers() { return { ...this.#data.headers }; }
    headersArray() { return ArrayPrototypeSlice(this.#data.headersArray); }
    async body() { return this.#body; }
    async text() { return this.#body.toString('utf8'); }
    async json() { return JSONParse(this.#body.toString('utf8')); }
    async dispose() {}
    _fetchLog() { return []; }
  }

  /// Playwright's APIRequestContext over a browser context's fetcher (`contextId`).
  class APIRequestContext {
    #context; #options; #disposed = false; #onDispose;
    constructor(contextId, options = {}, onDispose = null) {
      this.#context = contextId;
      this.#options = options;
      this.#onDispose = onDispose;
    }
    async get(url, options = {}) { return this.fetch(url, { ...options, method: 'GET' }); }
    async head(url, options = {}) { return this.fetch(url, { ...options, method: 'HEAD' }); }
    async post(url, options = {}) { return this.fetch(url, { ...options, method: 'POST' }); }
    async put(url, options = {}) { return this.fetch(url, { ...options, method: 'PUT' }); }
    async patch(url, options = {}) { return this.fetch(url, { ...options, method: 'PATCH' }); }
    async delete(url, options = {}) { return this.fetch(url, { ...options, method: 'DELETE' }); }
    async fetch(urlOrRequest, options = {}) {
      if (this.#disposed) throw new Error('apiRequestContext.fetch: Target page, context or browser has been closed');
      const isRequest = urlOrRequest instanceof Request;
      const method = String(options.method ?? (isRequest ? urlOrRequest.method() : 'GET')).toUpperCase();
      const base = this.#options.baseURL;
      const url = new URL(isRequest ? urlOrRequest.url() : String(urlOrRequest), base);
      if (options.params !== undefined) {
        const params = typeof options.params === 'string' ? new URLSearchParams(options.params) : options.params;
        if (params instanceof URLSearchParams) for (const [name, value] of params) url.searchParams.append(name, value);
        else for (const name of ObjectKeys(params)) url.searchParams.set(name, String(params[name]));
      }
      const headers = { ...lowercased(this.#options.extraHTTPHeaders), ...lowercased(isRequest ? urlOrRequest.headers() : {}),
        ...lowercased(options.headers) };
      let body = null;
      if (options.data !== undefined) {
        const data = options.data;
        if (typeof data === 'string') {
          body = buffer().from(data, 'utf8');
          headers['content-type'] ??= 'text/plain';
        } else if (data instanceof Uint8Array) {
          body = buffer().from(data);
          headers['content-type'] ??= 'application/octet-stream';
        } else {
          body = buffer().from(JSONStringify(data), 'utf8');
          headers['content-type'] ??= 'application/json';
        }
      } else if (options.form !== undefined) {
        const form = options.form instanceof URLSearchParams ? options.form : new URLSearchParams(ObjectEntries(options.form).map(([k, v]) => [k, String(v)]));
        body = buffer().from(form.toString(), 'utf8');
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      } else if (options.multipart !== undefined) {
        throw new Error('apiRequestContext.fetch: multipart is not supported by Caper yet');
      }
      const request = { url: url.href, method, headers: ObjectEntries(headers), body: body === null ? null : runtime.buffer.toBase64(body),
        maxRedirects: options.maxRedirects ?? 20, timeout: options.timeout ?? this.#options.timeout ?? 30000,
        ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? this.#options.ignoreHTTPSErrors ?? false };
      const outcome = await new Promise((resolve) => { host.apiFetch(this.#context, JSONStringify(request), resolve); });
      const result = JSONParse(outcome);
      if (result.error !== undefined) throw new Error(`apiRequestContext.${StringPrototypeToLowerCase(method) === 'get' ? 'get' : 'fetch'}: ${result.error}`);
      const response = new APIResponse(result, buffer().from(runtime.buffer.fromBase64(result.body)));
      if ((options.failOnStatusCode ?? this.#options.failOnStatusCode) && !response.ok()) {
        throw new Error(`apiRequestContext.fetch: ${response.status()} ${response.statusText()}`);
      }
      return response;
    }
    async storageState(options) {
      const state = { cookies: JSONParse(host.cookies(this.#context, '[]')), origins: [] };
      if (options?.path !== undefined) runtime.modules.builtin('fs').writeFileSync(String(options.path), JSONStringify(state, null, 2));
      return state;
    }
    async dispose() {
      if (this.#disposed) return;
      this.#disposed = true;
      this.#onDispose?.();
    }
  }

  /// Playwright's `urlMatches`: a string (a glob when it has `*`, `?` wildcards or `{a,b}`; resolved
  /// against `baseURL` first), a RegExp, or a predicate taking a URL object.
  const globToRegex = (glob) => {
    let source = '^';
    let inGroup = false;
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*') {
        const double = glob[i + 1] === '*';
        if (double) i++;
        source += double ? '.*' : '[^/]*';
      } else if (c === '{') {
        inGroup = true;
        source += '(';
      } else if (c === '}' && inGroup) {
        inGroup = false;
        source += ')';
      } else if (c === ',' && inGroup) {
        source += '|';
      } else if ('\\^$+.()|[]?'.includes(c)) {
        source += `\\${c}`;
      } else {
        source += c;
      }
    }
    return new RegExp(`${source}$`);
  };
  const urlMatches = (baseURL, url, match) => {
    if (match === undefined || match === '') return true;
    if (typeof match === 'string') {
      let pattern = match;
      if (!StringPrototypeStartsWith(pattern, '*')) {
        try {
          pattern = new URL(pattern, baseURL).href;
        } catch {
          // Not a URL: a glob as it is.
        }
      }
      if (!/[*{]/.test(pattern)) return url === pattern || url === `${pattern}/` || `${url}/` === pattern;
      return RegExpPrototypeExec(globToRegex(pattern), url) !== null;
    }
    if (match instanceof RegExp) {
      match.lastIndex = 0;
      return RegExpPrototypeExec(match, url) !== null;
    }
    if (typeof match === 'function') return !!match(new URL(url));
    throw new TypeError('url: expected a string, a RegExp or a function');
  };

  /// The routes of `lists` (most recently added first, page routes before context routes) that
  /// match `url`: `{ handler, entry }`; a route added with `times` stops after that many.
  const matchingRoutes = (url, lists) => {
    const found = [];
    for (const list of lists) {
      for (let i = list.length - 1; i >= 0; i--) {
        const entry = list[i];
        if (entry.matches(url)) ArrayPrototypePush(found, entry);
      }
    }
    return found;
  };

  for (const made of [Request, Response, Route, APIResponse, APIRequestContext]) ObjectFreeze(made.prototype);
  return { Request, Response, Route, APIRequestContext, APIResponse, matchingRoutes, bytesOf, urlMatches, mimeTypeOf };
}
