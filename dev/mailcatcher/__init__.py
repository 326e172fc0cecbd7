"""A local mail catcher for `make run`: an SMTP server (aiosmtpd) that keeps every message it is sent in a
folder, and a small web page that lists them. Loopback only; it imports nothing of Kassa (like the sandbox,
it is an outside system Kassa reaches over its protocol only)."""
