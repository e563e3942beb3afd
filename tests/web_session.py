"""A logged-in browser session without a browser: the session cookie of
/web/session/authenticate, for the HTTP routes (reports, /web/content)."""

import http.cookiejar
import json
import urllib.error
import urllib.request


class WebSession:
    def __init__(self, odoo, login, password=None):
        self.url = odoo.url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": odoo.db, "login": login, "password": password or login},
        }
        request = urllib.request.Request(
            f"{self.url}/web/session/authenticate",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=30) as response:
            answer = json.load(response)
        assert answer.get("result", {}).get("uid"), answer

    def get(self, path, timeout=60):
        """(status, body bytes) of a GET; an HTTP error is an answer too."""
        try:
            with self.opener.open(self.url + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def call_kw(self, model, method, args, kwargs, timeout=120):
        """A JSON-RPC call of the web client (/web/dataset/call_kw) as the
        session's user: (result, None), or (None, error) when refused."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
            },
        }
        request = urllib.request.Request(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=timeout) as response:
            answer = json.load(response)
        return answer.get("result"), answer.get("error")
