//! Failed sign-ins, counted per account and per client address: five failures in a row lock
//! either for 15 minutes. The lock ends by itself (nobody outside can lock the administrator
//! out for good) or when an administrator lifts it; a success clears the account's count.
//! Pure: the caller passes the time, so tests need no clock.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

pub const MAX_FAILURES: u32 = 5;
pub const LOCK_TIME: Duration = Duration::from_secs(15 * 60);

#[derive(Default, Clone, Copy)]
struct Failures {
    count: u32,
    locked_until: Option<Instant>,
}

impl Failures {
    fn locked(&self, now: Instant) -> Option<Duration> {
        self.locked_until
            .filter(|until| *until > now)
            .map(|until| until - now)
    }

    /// Counts one failure; returns whether this one locked it.
    fn fail(&mut self, now: Instant) -> bool {
        if self.locked_until.is_some_and(|u| u <= now) {
            *self = Failures::default();
        }
        self.count += 1;
        if self.count >= MAX_FAILURES && self.locked_until.is_none() {
            self.locked_until = Some(now + LOCK_TIME);
            return true;
        }
        false
    }
}

/// What a failure locked, for the audit log.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct NewLocks {
    pub account: bool,
    pub address: bool,
}

#[derive(Default)]
pub struct Throttle {
    accounts: HashMap<String, Failures>,
    addresses: HashMap<IpAddr, Failures>,
}

impl Throttle {
    /// How long sign-in stays refused for this account or address, if it is.
    pub fn refused_for(&self, account: &str, address: IpAddr, now: Instant) -> Option<Duration> {
        let a = self.accounts.get(account).and_then(|f| f.locked(now));
        let b = self.addresses.get(&address).and_then(|f| f.locked(now));
        a.max(b)
    }

    pub fn fail(&mut self, account: &str, address: IpAddr, now: Instant) -> NewLocks {
        NewLocks {
            account: self
                .accounts
                .entry(account.to_string())
                .or_default()
                .fail(now),
            address: self.addresses.entry(address).or_default().fail(now),
        }
    }

    /// A correct password from this address: the account's and the address's counts start over.
    pub fn succeed(&mut self, account: &str, address: IpAddr) {
        self.accounts.remove(account);
        self.addresses.remove(&address);
    }

    /// An administrator lifts an account's lock, and the address locks with it (the person
    /// is most likely at one of them, and an administrator is now looking). Returns whether
    /// there was anything to lift.
    pub fn unlock(&mut self, account: &str) -> bool {
        let had = self.accounts.remove(account).is_some();
        let addresses = !self.addresses.is_empty();
        self.addresses.clear();
        had || addresses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOME: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 7));
    const OTHER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 8));

    #[test]
    fn five_failures_lock_the_account_for_fifteen_minutes_then_it_opens_again() {
        let mut t = Throttle::default();
        let t0 = Instant::now();
        for i in 0..4 {
            assert_eq!(
                t.fail("admin", HOME, t0),
                NewLocks::default(),
                "failure {i}"
            );
        }
        assert!(t.refused_for("admin", HOME, t0).is_none());
        assert_eq!(
            t.fail("admin", HOME, t0),
            NewLocks {
                account: true,
                address: true
            }
        );
        // From another machine too: the account is locked, not only the address.
        assert_eq!(t.refused_for("admin", OTHER, t0), Some(LOCK_TIME));
        let later = t0 + LOCK_TIME - Duration::from_secs(1);
        assert_eq!(
            t.refused_for("admin", OTHER, later),
            Some(Duration::from_secs(1))
        );
        let after = t0 + LOCK_TIME;
        assert!(
            t.refused_for("admin", OTHER, after).is_none(),
            "the lock ends by itself"
        );
        // After the lock the count starts over: one more failure does not lock again.
        assert!(!t.fail("admin", OTHER, after).account);
    }

    #[test]
    fn one_address_trying_many_accounts_is_locked_without_locking_them() {
        let mut t = Throttle::default();
        let t0 = Instant::now();
        for name in ["a", "b", "c", "d", "e"] {
            t.fail(name, OTHER, t0);
        }
        assert!(
            t.refused_for("admin", OTHER, t0).is_some(),
            "the address is locked"
        );
        assert!(
            t.refused_for("admin", HOME, t0).is_none(),
            "the accounts are not"
        );
    }

    #[test]
    fn a_success_clears_the_count_and_an_administrator_can_lift_a_lock() {
        let mut t = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..4 {
            t.fail("staff", HOME, t0);
        }
        t.succeed("staff", HOME);
        assert!(!t.fail("staff", HOME, t0).account, "counting starts over");
        for _ in 0..4 {
            t.fail("staff", OTHER, t0);
        }
        assert!(t.refused_for("staff", HOME, t0).is_some());
        assert!(t.unlock("staff"));
        assert!(t.refused_for("staff", HOME, t0).is_none());
        assert!(
            t.refused_for("staff", OTHER, t0).is_none(),
            "the address too"
        );
        assert!(!t.unlock("staff"), "nothing left to lift");
    }
}
