"""Which network addresses a URL may reach: public ones only, unless the user allows more."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

from ..errors import FetchError, RefusedAddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[..., list]

# Prefixes that carry an IPv4 address inside an IPv6 one; the IPv4 address is what a
# gateway would reach, so it is the one that must be public.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def address_kind(address: str | IPAddress) -> str | None:
    """None for a public address, else what it is: "loopback", "private", "link-local"...

    An IPv6 address that embeds an IPv4 one (IPv4-mapped, 6to4, NAT64) is judged by
    the IPv4 address inside it.
    """
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    ip = _embedded_ipv4(ip) or ip
    for kind, test in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
    ):
        if test:
            return kind
    return None if ip.is_global else "non-public"


def is_public_address(address: str | IPAddress) -> bool:
    """True when `address` is reachable on the public internet and nothing else."""
    return address_kind(address) is None


def resolve_public(
    host: str, port: int, *, allow_private: bool = False, resolver: Resolver = socket.getaddrinfo
) -> list[IPAddress]:
    """Resolve `host` and return its addresses, refusing if ANY of them is not public.

    Refusing on any (not all) closes the trick of a name that resolves to a public and a
    private address at once. Raises `RefusedAddress`, or `FetchError` for a name that
    does not resolve.
    """
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}",
                         hint="check the host name and the network") from None
    addresses: list[IPAddress] = []
    for info in infos:
        # A scope id ("fe80::1%eth0") is not part of the address itself.
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise FetchError(f"host {host!r} has no address", hint="check the host name")
    if not allow_private:
        for ip in addresses:
            if (kind := address_kind(ip)) is not None:
                where = "" if str(ip) == host else f" (from {host})"
                raise RefusedAddress(f"refused {kind} address {ip}{where}")
    return addresses


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None
