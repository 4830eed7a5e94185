//! Guarding the staff PIN against guessing: a few tries, then the PIN screen closes, each time
//! for twice as long, up to an hour. The count survives resets and, through the shell's state
//! file, restarts, so neither waiting for a reset nor restarting the kiosk undoes it.

use std::time::{Duration, Instant};

/// How many wrong PINs in a row close the PIN screen.
pub const PIN_TRIES: u32 = 5;
/// How long the PIN screen stays closed the first time; each lockout after it doubles.
pub const FIRST_LOCKOUT: Duration = Duration::from_secs(60);
/// The longest the PIN screen stays closed.
pub const LONGEST_LOCKOUT: Duration = Duration::from_secs(60 * 60);

/// The guard's state without a clock, as the shell keeps it across restarts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PinRecord {
    /// Wrong PINs since the last lockout or the last right PIN.
    pub wrong_pins: u32,
    /// Lockouts since the last right PIN.
    pub lockouts: u32,
    /// How long the PIN screen stays closed from the moment the record was made.
    pub locked_for: Duration,
}

/// Wrong PINs and lockouts, with the moment the current lockout ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PinGuard {
    wrong_pins: u32,
    lockouts: u32,
    locked_until: Option<Instant>,
}

impl PinGuard {
    /// The guard as a record says, at `now`.
    pub fn from_record(record: PinRecord, now: Instant) -> PinGuard {
        PinGuard {
            wrong_pins: record.wrong_pins.min(PIN_TRIES - 1),
            lockouts: record.lockouts,
            // A record from a clock set wrong cannot close the screen for longer than a lockout.
            locked_until: (!record.locked_for.is_zero())
                .then(|| now + record.locked_for.min(LONGEST_LOCKOUT)),
        }
    }

    /// The guard as a record, at `now`.
    pub fn record(&self, now: Instant) -> PinRecord {
        PinRecord {
            wrong_pins: self.wrong_pins,
            lockouts: self.lockouts,
            locked_for: self
                .locked_until
                .map_or(Duration::ZERO, |until| until.saturating_duration_since(now)),
        }
    }

    /// Whether the PIN screen is closed at `now`.
    pub fn locked_out(&self, now: Instant) -> bool {
        self.locked_until.is_some_and(|until| now < until)
    }

    /// The whole minutes left of the lockout at `now`, rounded up.
    pub fn minutes_left(&self, now: Instant) -> u64 {
        let left = self.locked_until.map_or(Duration::ZERO, |until| until.saturating_duration_since(now));
        left.as_secs().div_ceil(60)
    }

    /// A wrong PIN at `now`; whether it closed the PIN screen.
    pub fn wrong(&mut self, now: Instant) -> bool {
        self.wrong_pins += 1;
        if self.wrong_pins < PIN_TRIES {
            return false;
        }
        self.wrong_pins = 0;
        self.lockouts = self.lockouts.saturating_add(1);
        self.locked_until = Some(now + lockout_after(self.lockouts));
        true
    }

    /// The right PIN: every count starts again.
    pub fn right(&mut self) {
        *self = PinGuard::default();
    }
}

/// How long the `n`th lockout in a row lasts: a minute, doubling each time, up to an hour.
pub fn lockout_after(n: u32) -> Duration {
    let doublings = n.saturating_sub(1).min(16);
    FIRST_LOCKOUT.saturating_mul(1 << doublings).min(LONGEST_LOCKOUT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockouts_double_up_to_an_hour() {
        let minutes: Vec<u64> = (1..=9).map(|n| lockout_after(n).as_secs() / 60).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(lockout_after(u32::MAX), LONGEST_LOCKOUT);
    }

    #[test]
    fn a_record_keeps_what_is_left_and_no_more_than_an_hour() {
        let now = Instant::now();
        let mut guard = PinGuard::default();
        for _ in 0..PIN_TRIES {
            guard.wrong(now);
        }
        let later = now + Duration::from_secs(20);
        let record = guard.record(later);
        assert_eq!(record, PinRecord { wrong_pins: 0, lockouts: 1, locked_for: Duration::from_secs(40) });
        let restored = PinGuard::from_record(record, later);
        assert!(restored.locked_out(later + Duration::from_secs(39)));
        assert!(!restored.locked_out(later + Duration::from_secs(40)));

        let forged = PinRecord { wrong_pins: 99, lockouts: 3, locked_for: Duration::from_secs(1 << 40) };
        let restored = PinGuard::from_record(forged, now);
        assert_eq!(restored.record(now).locked_for, LONGEST_LOCKOUT);
        assert_eq!(restored.record(now).wrong_pins, PIN_TRIES - 1);
    }
}
