"""A real SMTP server on loopback for the mail tests (aiosmtpd): STARTTLS with a certificate
made for the test, AUTH PLAIN required after STARTTLS, every accepted message kept. It can be
told to refuse for a while (451, try later) or for good (550)."""
import email
import email.policy
import pathlib
import subprocess
import tempfile
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

import ssl

USER, PASSWORD = "bouwstenen", "smtp-wachtwoord-voor-de-test"


class Handler:
    def __init__(self):
        self.messages = []
        self.refuse_next = 0
        self.refuse_always = False
        self.attempts = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.attempts += 1
            if self.refuse_always:
                return "550 5.7.1 Niet toegestaan (test)"
            if self.refuse_next > 0:
                self.refuse_next -= 1
                return "451 4.3.0 Probeer het later opnieuw (test)"
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self.messages.append((envelope.rcpt_tos, message, time.time(), session.authenticated))
        return "250 OK"


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = getattr(auth_data, "login", b"") == USER.encode() and getattr(auth_data, "password", b"") == PASSWORD.encode()
    return AuthResult(success=ok)


class MailServer:
    def __init__(self, port: int):
        self.port = port
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="bouwstenen-smtp-"))
        self.cert, key = self.dir / "cert.pem", self.dir / "key.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(self.cert)],
                       check=True, capture_output=True)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(self.cert), str(key))
        self.handler = Handler()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                                     authenticator=_authenticate, auth_require_tls=True, auth_exclude_mechanism=["LOGIN"])

    def env(self) -> dict:
        """The app's settings for this server."""
        return {"SMTP_HOST": "localhost", "SMTP_PORT": str(self.port), "SMTP_SECURITY": "starttls", "SMTP_USERNAME": USER,
                "SMTP_PASSWORD": PASSWORD, "MAIL_FROM": "noreply@bouwstenen.test", "SMTP_CA_FILE": str(self.cert)}

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.messages)

    def wait_for(self, count: int, seconds: float = 30):
        """The messages once at least `count` have arrived; fails after `seconds`."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            if len(self.messages) >= count:
                return self.messages
            time.sleep(0.05)
        raise AssertionError(f"expected {count} mails, got {len(self.messages)} in {seconds} s")


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()
