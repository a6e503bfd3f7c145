"""A tiny HTTP client for tests that do not need a browser: keeps every cookie (the session
and the device cookie, in whatever order they come), reads the CSRF token of the last page,
never follows redirects."""
import re
import urllib.error
import urllib.parse
import urllib.request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


class Client:
    def __init__(self, base: str):
        self.base = base
        self.jar = {}
        self.csrf = None

    @property
    def cookie(self):
        return "; ".join(f"{k}={v}" for k, v in self.jar.items()) or None

    @cookie.setter
    def cookie(self, header):
        self.jar = dict(pair.strip().split("=", 1) for pair in (header or "").split(";") if "=" in pair)

    def _send(self, path, data=None, timeout=10, headers=None):
        headers = dict(headers or {}, **({"Cookie": self.cookie} if self.cookie else {}))
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            with _opener.open(req, timeout=timeout) as r:
                status, resp_headers, text = r.status, r.headers, r.read().decode()
        except urllib.error.HTTPError as e:
            status, resp_headers, text = e.code, e.headers, e.read().decode()
        for value in resp_headers.get_all("Set-Cookie") or []:
            key, _, val = value.split(";")[0].partition("=")
            if val:
                self.jar[key.strip()] = val
            else:
                self.jar.pop(key.strip(), None)
        token = re.search(r'name="csrf" value="([^"]+)"', text)
        if token:
            self.csrf = token.group(1)
        return status, resp_headers, text

    def get(self, path, **kw):
        return self._send(path, **kw)

    def post(self, path, fields, **kw):
        data = dict(fields)
        if self.csrf and "csrf" not in data:
            data["csrf"] = self.csrf
        return self._send(path, data, **kw)


def first_use(base, email="pl@rivierstad.example", password="de brug over de rivier"):
    """Creates the first coalition and account; returns a logged-in client."""
    c = Client(base)
    c.get("/eerste-gebruik")
    status, headers, _ = c.post("/eerste-gebruik", {
        "coalitionName": "Coalitie Rivierstad", "periodStart": "2025", "periodEnd": "2028",
        "name": "Sanne de Vries", "email": email, "password": password, "passwordRepeat": password})
    assert status == 303, status
    return c
