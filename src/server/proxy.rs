//! Behind a proxy: which peers may tell us the client's address, and which
//! address that is. Only a peer in `trusted-proxies` is believed when it sends
//! `X-Forwarded-For`; anyone else could write any address in that header.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::Deserialize;

/// One address (`10.0.0.5`, `::1`) or a range in CIDR notation (`10.0.0.0/8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AddressRange {
    network: IpAddr,
    prefix: u8,
}

impl AddressRange {
    pub fn contains(&self, address: IpAddr) -> bool {
        match (self.network, address.to_canonical()) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(network) & mask == u32::from(address) & mask
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(network) & mask == u128::from(address) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for AddressRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let network = address.parse::<IpAddr>().map_err(|_| format!("not an address or range: {text:?}"))?.to_canonical();
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max).ok_or_else(|| format!("not a prefix length (0-{max}): {text:?}"))?,
            None => max,
        };
        Ok(AddressRange { network, prefix })
    }
}

impl fmt::Display for AddressRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// The `trusted-proxies` setting: empty (the default) trusts no one, and the
/// client address is the peer's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "Vec<String>")]
pub struct TrustedProxies(Vec<AddressRange>);

impl TryFrom<Vec<String>> for TrustedProxies {
    type Error = String;

    fn try_from(list: Vec<String>) -> Result<Self, String> {
        list.iter().map(|s| s.parse()).collect::<Result<Vec<_>, _>>().map(TrustedProxies)
    }
}

impl TrustedProxies {
    /// A comma-separated list, as in `SEINHUIS_TRUSTED_PROXIES`.
    pub fn parse_list(text: &str) -> Result<Self, String> {
        text.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::parse).collect::<Result<Vec<_>, _>>().map(TrustedProxies)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(address))
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy;
    /// then the right-most address in `X-Forwarded-For` (all its header lines,
    /// in order) that is not itself a trusted proxy. Proxies append the address
    /// they saw, so everything left of that is the client's to invent and is
    /// never read. An entry that is no address ends the walk at the proxy that
    /// passed it on.
    pub fn client_address(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let hops: Vec<&str> = forwarded_for.iter().flat_map(|line| line.split(',')).map(str::trim).collect();
        for hop in hops.iter().rev() {
            let Some(address) = parse_hop(hop) else {
                return client;
            };
            client = address;
            if !self.trusts(address) {
                return address;
            }
        }
        client
    }
}

/// An entry of `X-Forwarded-For`: an address, perhaps with a port
/// (`192.0.2.1:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    if let Ok(address) = hop.parse::<IpAddr>() {
        return Some(address.to_canonical());
    }
    hop.parse::<std::net::SocketAddr>().ok().map(|s| s.ip().to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_parse_and_match() {
        let proxies = TrustedProxies::parse_list(" 127.0.0.1, 10.0.0.0/8 ,fd00::/8,").unwrap();
        assert!(proxies.trusts(ip("127.0.0.1")));
        assert!(!proxies.trusts(ip("127.0.0.2")));
        assert!(proxies.trusts(ip("10.200.3.4")));
        assert!(!proxies.trusts(ip("11.0.0.1")));
        assert!(proxies.trusts(ip("fd12::1")));
        assert!(!proxies.trusts(ip("fe80::1")));
        // A v4 peer seen on a dual-stack socket.
        assert!(proxies.trusts(ip("::ffff:10.1.2.3")));
        assert!("0.0.0.0/0".parse::<AddressRange>().unwrap().contains(ip("203.0.113.9")));
        assert!(TrustedProxies::parse_list("").unwrap().is_empty());
        for wrong in ["proxy.example", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x"] {
            assert!(wrong.parse::<AddressRange>().is_err(), "{wrong}");
        }
        let from_toml: TrustedProxies =
            toml::from_str::<std::collections::HashMap<String, TrustedProxies>>(r#"p = ["127.0.0.1", "10.0.0.0/8"]"#)
                .unwrap()
                .remove("p")
                .unwrap();
        assert_eq!(from_toml, TrustedProxies::parse_list("127.0.0.1,10.0.0.0/8").unwrap());
    }

    #[test]
    fn only_a_trusted_peer_is_believed() {
        let none = TrustedProxies::default();
        assert_eq!(none.client_address(ip("198.51.100.7"), &["203.0.113.1"]), ip("198.51.100.7"));
        let proxies = TrustedProxies::parse_list("127.0.0.1,10.0.0.0/8").unwrap();
        // An untrusted peer's header is ignored.
        assert_eq!(proxies.client_address(ip("198.51.100.7"), &["203.0.113.1"]), ip("198.51.100.7"));
        // A trusted peer without the header: the peer.
        assert_eq!(proxies.client_address(ip("127.0.0.1"), &[]), ip("127.0.0.1"));
        assert_eq!(proxies.client_address(ip("127.0.0.1"), &["203.0.113.1"]), ip("203.0.113.1"));
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse_list("127.0.0.1,10.0.0.0/8").unwrap();
        let peer = ip("127.0.0.1");
        // The client wrote a fake address first; the proxy appended the real one.
        assert_eq!(proxies.client_address(peer, &["1.2.3.4, 203.0.113.1"]), ip("203.0.113.1"));
        // Two proxies in a row: skip the inner one.
        assert_eq!(proxies.client_address(peer, &["1.2.3.4, 203.0.113.1, 10.0.0.7"]), ip("203.0.113.1"));
        // Several header lines count as one list, in order.
        assert_eq!(proxies.client_address(peer, &["1.2.3.4", "203.0.113.1", "10.0.0.7"]), ip("203.0.113.1"));
        // Ports and brackets.
        assert_eq!(proxies.client_address(peer, &["203.0.113.1:5555"]), ip("203.0.113.1"));
        assert_eq!(proxies.client_address(peer, &["[2001:db8::1]:5555"]), ip("2001:db8::1"));
        // Garbage where the client should be: the last proxy that passed it on.
        assert_eq!(proxies.client_address(peer, &["nonsense"]), peer);
        assert_eq!(proxies.client_address(peer, &["203.0.113.1, nonsense, 10.0.0.7"]), ip("10.0.0.7"));
        assert_eq!(proxies.client_address(peer, &[""]), peer);
        // Everyone on the way is a proxy: the left-most.
        assert_eq!(proxies.client_address(peer, &["10.0.0.1, 10.0.0.2"]), ip("10.0.0.1"));
    }
}
