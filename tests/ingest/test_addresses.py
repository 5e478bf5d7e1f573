"""Which addresses a URL may reach: public ones only, unless private ones are allowed."""

from __future__ import annotations

import socket

import pytest

from tollwatch.errors import FetchError, RefusedAddress
from tollwatch.ingest.addresses import address_kind, is_public_address, resolve_public


@pytest.mark.parametrize(("address", "kind"), [
    ("10.1.2.3", "private"),
    ("172.16.0.9", "private"),
    ("172.31.255.254", "private"),
    ("192.168.1.20", "private"),
    ("127.0.0.1", "loopback"),
    ("127.45.6.7", "loopback"),
    ("169.254.169.254", "link-local"),
    ("0.0.0.0", "unspecified"),
    ("224.0.0.251", "multicast"),
    ("240.0.0.1", "private"),
    ("100.64.0.1", "non-public"),
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1", "link-local"),
    ("fc00::1", "private"),
    ("fd12:3456::1", "private"),
    ("ff02::1", "multicast"),
    ("::ffff:127.0.0.1", "loopback"),
    ("::ffff:10.0.0.1", "private"),
    ("::ffff:169.254.169.254", "link-local"),
    ("2002:7f00:1::1", "loopback"),  # 6to4 wrapping 127.0.0.1
    ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
    ("93.184.216.34", None),
    ("8.8.8.8", None),
    ("2606:4700:4700::1111", None),
    ("::ffff:93.184.216.34", None),
])
def test_addresses_kind_of_each_address(address, kind):
    assert address_kind(address) == kind
    assert is_public_address(address) is (kind is None)


def fake_resolver(*answers: str):
    def resolve(host, port, type=0):
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in answers]
    return resolve


def test_addresses_resolve_public_returns_every_public_address():
    resolver = fake_resolver("93.184.216.34", "2606:4700:4700::1111", "93.184.216.34")
    found = resolve_public("news.example", 443, resolver=resolver)
    assert [str(ip) for ip in found] == ["93.184.216.34", "2606:4700:4700::1111"]


def test_addresses_one_private_answer_refuses_the_host():
    resolver = fake_resolver("93.184.216.34", "10.0.0.8")
    with pytest.raises(RefusedAddress) as caught:
        resolve_public("mixed.example", 80, resolver=resolver)
    assert "refused private address 10.0.0.8 (from mixed.example)" in str(caught.value)
    assert "--allow-private" in caught.value.one_line()


def test_addresses_allow_private_lets_private_answers_through():
    found = resolve_public("intranet.example", 80, allow_private=True, resolver=fake_resolver("192.168.0.4"))
    assert [str(ip) for ip in found] == ["192.168.0.4"]


def test_addresses_scope_id_is_dropped_before_the_check():
    with pytest.raises(RefusedAddress, match="link-local address fe80::1"):
        resolve_public("printer.local", 80, resolver=fake_resolver("fe80::1%eth0"))


def test_addresses_unresolvable_host_is_a_fetch_error():
    def fails(host, port, type=0):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(FetchError, match="cannot resolve host 'nowhere.invalid'") as caught:
        resolve_public("nowhere.invalid", 80, resolver=fails)
    assert not isinstance(caught.value, RefusedAddress)


def test_addresses_odd_spellings_of_loopback_are_refused_after_resolving():
    # inet_aton reads "2130706433" and "0x7f.1" as 127.0.0.1; the check sees what they resolve to.
    for spelling in ("2130706433", "0x7f.1", "localhost"):
        with pytest.raises(RefusedAddress, match="loopback"):
            resolve_public(spelling, 80)
