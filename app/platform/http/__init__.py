"""Outbound HTTP: where Kassa may send a request (address checks), URL rules, and kept-alive peer sessions."""
