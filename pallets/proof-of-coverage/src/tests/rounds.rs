//! Whole rounds: beacon, witnesses, reveal; points, reciprocity, density, expiry, events.

use crate::{mock::*, Beacons, Event, Expiries, Hotspots, Verdict};
use depin_primitives::{
	testing::{MockClock, MockRegistry},
	DeviceKind, DeviceState, OnDeviceChange,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

/// A beacon of `beaconer` heard by `witnesses` at a weak signal, then revealed.
fn round(beaconer: u64, witnesses: &[u64], seed: u8) {
	let p = payload(seed);
	assert_ok!(beacon(beaconer, &p));
	for w in witnesses {
		assert_ok!(witness(*w, beaconer, &p, -1000));
	}
	run_to_reveal(beaconer);
	assert_ok!(reveal(beaconer, &p));
}

fn four_hotspots() {
	hotspot(1, LOC_A, 0);
	hotspot(2, LOC_B, 0);
	hotspot(3, LOC_C, 0);
	hotspot(4, LOC_D, 0);
}

#[test]
fn a_fresh_network_earns_nothing_in_its_first_round_and_the_right_amounts_from_its_second() {
	build_and_execute(|| {
		four_hotspots();
		// Round 1: nobody has reciprocity yet.
		round(1, &[2, 3, 4], 1);
		assert_eq!(points(), vec![]);
		let ev = events();
		assert!(ev.contains(&Event::BeaconRevealed {
			beaconer: 1,
			counted: 0,
			points: 0,
			reciprocity: false,
			density: Perbill::one(),
		}));
		for w in [2, 3, 4] {
			assert!(ev.contains(&Event::WitnessJudged {
				beaconer: 1,
				witness: w,
				verdict: Verdict::NoReciprocity
			}));
		}
		// ...but the times were recorded: 1 revealed a beacon, 2-4 witnessed validly.
		let now = System::block_number();
		assert_eq!(Hotspots::<Test>::get(1).unwrap().last_beacon_at, Some(now));
		assert_eq!(Hotspots::<Test>::get(2).unwrap().last_witness_at, Some(now));

		// Round 2, next epoch: 2 beacons (it witnessed in round 1), 1 witnesses (it beaconed in
		// round 1), 3 and 4 have no beacon of their own yet.
		MockClock::set(1);
		round(2, &[1, 3, 4], 2);
		// One counted witness: the beaconer earns 1/4 unit, the witness 1 unit.
		assert_eq!(points(), vec![(1, 10_000), (2, 2_500)]);
	});
}

#[test]
fn three_valid_and_two_invalid_witnesses_pay_exactly_the_valid_ones() {
	build_and_execute(|| {
		four_hotspots();
		hotspot(5, LOC_E, 0);
		hotspot(6, LOC_NEAR, 0);
		seasoned(&[1, 2, 3, 4, 5, 6]);
		let p = payload(7);
		assert_ok!(beacon(1, &p));
		for w in [2, 3, 4] {
			assert_ok!(witness(w, 1, &p, -1000));
		}
		// 5 reports a signal free space cannot deliver over 1.3 km; 6 is 17 m away.
		assert_noop!(witness(5, 1, &p, -300), crate::Error::<Test>::SignalTooStrong);
		assert_noop!(witness(6, 1, &p, -1000), crate::Error::<Test>::TooClose);
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		// n = 3: each witness 1 unit, the beaconer 3/4; A's hex holds 2 hotspots (1 and 6),
		// under the density target.
		let mut got = points();
		got.sort();
		assert_eq!(got, vec![(1, 7_500), (2, 10_000), (3, 10_000), (4, 10_000)]);
		assert!(Beacons::<Test>::get(1).is_none());
		assert_eq!(Expiries::<Test>::iter().count(), 0);
	});
}

#[test]
fn fourteen_witnesses_count_and_the_fifteenth_is_refused() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		// Witnesses may share a place: only the distance to the beaconer matters.
		let ws: Vec<u64> = (10..25).collect();
		for w in &ws {
			hotspot(*w, LOC_B, 0);
		}
		seasoned(&[1]);
		seasoned(&ws);
		let p = payload(3);
		assert_ok!(beacon(1, &p));
		for w in &ws[..14] {
			assert_ok!(witness(*w, 1, &p, -1000));
		}
		assert_noop!(witness(24, 1, &p, -1000), crate::Error::<Test>::TooManyWitnesses);
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		// n = 14: witness (4 - (1 - 0.8^10)) / 14 = .2220, beaconer 2 - 0.8^10 = 1.8926.
		assert_eq!(points_of(1), 18_926);
		for w in &ws[..14] {
			assert_eq!(points_of(*w), 2_220);
		}
		assert_eq!(points_of(24), 0);
	});
}

#[test]
fn a_witness_whose_heard_does_not_match_earns_nothing() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2, 3, 4]);
		let p = payload(9);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		// 3 heard something else.
		assert_ok!(witness(3, 1, &payload(10), -1000));
		run_to_reveal(1);
		let before = Hotspots::<Test>::get(3).unwrap().last_witness_at;
		assert_ok!(reveal(1, &p));
		assert_eq!(points(), vec![(2, 10_000), (1, 2_500)]);
		assert!(events().contains(&Event::WitnessJudged {
			beaconer: 1,
			witness: 3,
			verdict: Verdict::HeardMismatch
		}));
		// An invalid witness records no time.
		assert_eq!(Hotspots::<Test>::get(3).unwrap().last_witness_at, before);
	});
}

#[test]
fn copy_attack_a_witness_that_knows_only_the_commitment_cannot_prove_hearing() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2, 3, 4]);
		let p = payload(11);
		let c = commitment(&p);
		assert_ok!(beacon(1, &p));
		// 2 heard it. 3 copies 2's `heard` from the chain; 4 derives one from the commitment
		// (the only thing on chain about the payload).
		assert_ok!(witness(2, 1, &p, -1000));
		let copied = Beacons::<Test>::get(1).unwrap().witnesses[0].heard;
		assert_ok!(Coverage::submit_witness(RuntimeOrigin::signed(3), 1, copied, -1000, 50, FREQ));
		let from_commitment = heard(&c.0, 4);
		assert_ok!(Coverage::submit_witness(
			RuntimeOrigin::signed(4),
			1,
			from_commitment,
			-1000,
			50,
			FREQ
		));
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		assert_eq!(points_of(3), 0);
		assert_eq!(points_of(4), 0);
		assert_eq!(points_of(2), 10_000);
		let ev = events();
		for w in [3, 4] {
			assert!(ev.contains(&Event::WitnessJudged {
				beaconer: 1,
				witness: w,
				verdict: Verdict::HeardMismatch
			}));
		}
	});
}

#[test]
fn reciprocity_beaconer_needs_a_recent_witness_and_witness_a_recent_beacon() {
	build_and_execute(|| {
		four_hotspots();
		// 1 has beaconed but never witnessed; 2 has both; 3 has only witnessed.
		seasoned(&[2]);
		let now = System::block_number();
		Hotspots::<Test>::mutate(1, |h| h.as_mut().unwrap().last_beacon_at = Some(now));
		Hotspots::<Test>::mutate(3, |h| h.as_mut().unwrap().last_witness_at = Some(now));
		round(1, &[2, 3], 1);
		// The beaconer has no valid witness of its own: nothing; 2 earns; 3 lacks a beacon.
		assert_eq!(points(), vec![(2, 10_000)]);
		assert!(events().contains(&Event::BeaconRevealed {
			beaconer: 1,
			counted: 1,
			points: 0,
			reciprocity: false,
			density: Perbill::one(),
		}));

		// Next epoch 2 beacons with 1 and 3: 1 now has a revealed beacon (the last round), 3
		// still has none.
		MockClock::set(1);
		round(2, &[1, 3], 2);
		assert_eq!(points_of(2), 10_000 + 2_500);
		assert_eq!(points_of(1), 10_000);
		assert_eq!(points_of(3), 0);
	});
}

#[test]
fn reciprocity_lapses_after_its_window() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2]);
		run_to(1 + RECIPROCITY);
		let p = payload(1);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		// The reveal comes WITNESS_WINDOW + 1 blocks later: more than RECIPROCITY blocks after
		// the last beacon and witness of both.
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		assert_eq!(points(), vec![]);
	});
}

#[test]
fn density_scales_rewards_down_in_a_crowded_hex() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2, 3]);
		// Three more hotspots in A's resolution-8 hex (no radio: they only occupy it).
		for id in 50..53 {
			put_device(id, owner_of(id), DeviceKind::Hotspot, LOC_A);
		}
		// Devices of another kind do not count.
		put_device(60, owner_of(60), DeviceKind::Sensor, LOC_A);
		DensityTarget::set(1);
		round(1, &[2, 3], 1);
		// 4 hotspots in the hex, target 1: a quarter of n = 2's units (1 and 1/2).
		assert_eq!(points(), vec![(2, 2_500), (3, 2_500), (1, 1_250)]);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::BeaconRevealed { density, .. } if *density == Perbill::from_percent(25)
		)));
	});
}

#[test]
fn the_density_is_the_beaconers_not_the_witnesses() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2]);
		for id in 50..53 {
			put_device(id, owner_of(id), DeviceKind::Hotspot, LOC_B);
		}
		DensityTarget::set(1);
		round(1, &[2], 1);
		assert_eq!(points(), vec![(2, 10_000), (1, 2_500)]);
	});
}

#[test]
fn unrevealed_beacons_expire_and_are_removed_with_their_witnesses() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2]);
		let p = payload(5);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		let expiry = 1 + WITNESS_WINDOW + REVEAL_WINDOW + 1;
		run_to(expiry - 1);
		assert!(Beacons::<Test>::get(1).is_some());
		run_to(expiry);
		assert!(Beacons::<Test>::get(1).is_none());
		assert_eq!(Expiries::<Test>::iter().count(), 0);
		assert!(events().contains(&Event::BeaconExpired { beaconer: 1, witnesses: 1 }));
		assert_noop!(reveal(1, &p), crate::Error::<Test>::UnknownBeacon);
		assert_eq!(points(), vec![]);
	});
}

#[test]
fn cleanup_is_bounded_per_block_and_works_off_a_backlog() {
	build_and_execute(|| {
		four_hotspots();
		MaxCleanup::set(1);
		for b in [1, 2, 3] {
			assert_ok!(beacon(b, &payload(b as u8)));
		}
		let expiry = 1 + WITNESS_WINDOW + REVEAL_WINDOW + 1;
		run_to(expiry);
		// One in on_initialize, one with the spare weight of on_idle.
		assert_eq!(Beacons::<Test>::iter().count(), 1);
		// The backlog is allowed by the invariants while the cursor has not passed it.
		assert_eq!(crate::CleanupCursor::<Test>::get(), expiry);
		crate::Pallet::<Test>::do_try_state().unwrap();
		run_to(expiry + 1);
		assert_eq!(Beacons::<Test>::iter().count(), 0);
		assert_eq!(crate::CleanupCursor::<Test>::get(), expiry + 2);
	});
}

#[test]
fn on_idle_without_spare_weight_does_nothing() {
	build_and_execute(|| {
		four_hotspots();
		MaxCleanup::set(1);
		for b in [1, 2] {
			assert_ok!(beacon(b, &payload(b as u8)));
		}
		let expiry = 1 + WITNESS_WINDOW + REVEAL_WINDOW + 1;
		while System::block_number() < expiry {
			let next = System::block_number() + 1;
			System::set_block_number(next);
			use frame_support::traits::Hooks;
			Coverage::on_initialize(next);
			Coverage::on_idle(next, frame_support::weights::Weight::zero());
		}
		assert_eq!(Beacons::<Test>::iter().count(), 1);
		run_to(expiry + 1);
		assert_eq!(Beacons::<Test>::iter().count(), 0);
	});
}

#[test]
fn a_witness_suspended_before_the_reveal_earns_nothing() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2, 3]);
		let p = payload(4);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		assert_ok!(witness(3, 1, &p, -1000));
		MockRegistry::set_state(&3u64, DeviceState::Suspended);
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		assert_eq!(points(), vec![(2, 10_000), (1, 2_500)]);
		assert!(events().contains(&Event::WitnessJudged {
			beaconer: 1,
			witness: 3,
			verdict: Verdict::Inactive
		}));
	});
}

#[test]
fn the_radiated_power_cap_bounds_the_signal_and_governance_moves_it() {
	build_and_execute(|| {
		// A big antenna on the beaconer and a loud claimed transmit power: 27 dBm + 15 dBi.
		hotspot(1, LOC_A, 150);
		hotspot(2, LOC_B, 30);
		let p = payload(1);
		assert_ok!(Coverage::submit_beacon(RuntimeOrigin::signed(1), commitment(&p), FREQ, 27));
		let b = Beacons::<Test>::get(1).unwrap();
		// Capped at 16 dBm.
		assert_eq!(b.eirp_ddbm, 160);
		let d = depin_primitives::geo::distance_m(LOC_A, LOC_B).unwrap();
		let limit = crate::Pallet::<Test>::max_signal_cdb(160, 30, d, FREQ);
		// 10 x (16 dBm + 3 dBi) - FSPL: the strongest accepted deci-dBm value is floor(limit / 10).
		let strongest = limit.div_euclid(10) as i32;
		assert_noop!(witness(2, 1, &p, strongest + 1), crate::Error::<Test>::SignalTooStrong);
		assert_ok!(witness(2, 1, &p, strongest));
		// The bound is the formula's, to the centi-dB: FSPL at 868.1 MHz over ~1.1 km.
		let fspl = depin_primitives::geo::fspl_cdb(d, FREQ) as i64;
		assert_eq!(limit, 1_900 - fspl);

		assert_ok!(Coverage::set_max_eirp(RuntimeOrigin::root(), 30));
		assert_eq!(crate::MaxEirpDbm::<Test>::get(), 30);
		assert!(events().contains(&Event::MaxEirpSet { dbm: 30 }));
		// The same claim (27 dBm + 15 dBi = 42 dBm) now radiates 30 dBm; under a cap of 50 dBm
		// all of it.
		assert_eq!(crate::Pallet::<Test>::capped_eirp_ddbm(27, 150), 300);
		assert_ok!(Coverage::set_max_eirp(RuntimeOrigin::root(), 50));
		assert_eq!(crate::Pallet::<Test>::capped_eirp_ddbm(27, 150), 420);
	});
}

#[test]
fn frequencies_within_100_khz_are_accepted() {
	build_and_execute(|| {
		four_hotspots();
		let p = payload(1);
		assert_ok!(beacon(1, &p));
		assert_ok!(Coverage::submit_witness(
			RuntimeOrigin::signed(2),
			1,
			heard(&p, 2),
			-1000,
			50,
			FREQ - 100_000
		));
		assert_ok!(Coverage::submit_witness(
			RuntimeOrigin::signed(3),
			1,
			heard(&p, 3),
			-1000,
			50,
			FREQ + 100_000
		));
	});
}

#[test]
fn a_witness_55_km_away_is_accepted() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		hotspot(2, LOC_MID, 0);
		let p = payload(1);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1400));
	});
}

#[test]
fn every_accepted_report_has_its_event() {
	build_and_execute(|| {
		four_hotspots();
		seasoned(&[1, 2]);
		let p = payload(1);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		run_to_reveal(1);
		assert_ok!(reveal(1, &p));
		let ev = events();
		assert!(ev.contains(&Event::RadioSet { device: 1, gain_ddbi: 0, location: LOC_A }));
		assert!(ev.contains(&Event::BeaconSubmitted {
			beaconer: 1,
			epoch: 0,
			commitment: commitment(&p),
			frequency_hz: FREQ,
			eirp_ddbm: 140,
			witness_until: 1 + WITNESS_WINDOW,
			reveal_until: 1 + WITNESS_WINDOW + REVEAL_WINDOW,
		}));
		assert!(ev.contains(&Event::WitnessSubmitted {
			beaconer: 1,
			witness: 2,
			signal_ddbm: -1000,
			snr_ddb: 50,
			count: 1
		}));
		assert!(ev.contains(&Event::WitnessJudged {
			beaconer: 1,
			witness: 2,
			verdict: Verdict::Rewarded { points: 10_000 }
		}));
		assert!(ev.contains(&Event::BeaconRevealed {
			beaconer: 1,
			counted: 1,
			points: 2_500,
			reciprocity: true,
			density: Perbill::one(),
		}));
	});
}

#[test]
fn the_record_goes_with_the_device() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 20);
		assert!(Hotspots::<Test>::get(1).is_some());
		<crate::Pallet<Test> as OnDeviceChange<u64>>::on_device_removed(&1, &owner_of(1));
		assert!(Hotspots::<Test>::get(1).is_none());
	});
}

#[test]
fn coverage_info_reports_radio_times_and_open_beacon() {
	build_and_execute(|| {
		hotspot(1, LOC_A, 20);
		hotspot(2, LOC_B, 0);
		assert_eq!(crate::Pallet::<Test>::coverage_info(&9), None);
		let p = payload(1);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		let info = crate::Pallet::<Test>::coverage_info(&1).unwrap();
		assert!(info.radio_valid);
		assert_eq!(info.hotspot.radio.map(|r| r.gain_ddbi), Some(20));
		assert_eq!(info.open_beacon, Some((0, 1, 1)));
		// A move voids the radio profile.
		put_device(1, owner_of(1), DeviceKind::Hotspot, LOC_C);
		assert!(!crate::Pallet::<Test>::coverage_info(&1).unwrap().radio_valid);
	});
}

#[test]
fn beacon_status_follows_the_phases() {
	use crate::BeaconPhase;
	build_and_execute(|| {
		hotspot(1, LOC_A, 0);
		hotspot(2, LOC_B, 0);
		assert_eq!(crate::Pallet::<Test>::beacon_status(&1), None);
		let p = payload(1);
		assert_ok!(beacon(1, &p));
		assert_ok!(witness(2, 1, &p, -1000));
		let s = crate::Pallet::<Test>::beacon_status(&1).unwrap();
		assert_eq!(s.phase, BeaconPhase::Witnessing);
		assert_eq!(s.witnesses, vec![2]);
		assert_eq!((s.witness_until, s.reveal_until), (4, 8));
		assert_eq!(s.commitment, commitment(&p));
		run_to(5);
		assert_eq!(crate::Pallet::<Test>::beacon_status(&1).unwrap().phase, BeaconPhase::Revealing);
		// Past the window with the cleanup held back: reported as expired.
		crate::CleanupCursor::<Test>::put(100);
		System::set_block_number(9);
		assert_eq!(crate::Pallet::<Test>::beacon_status(&1).unwrap().phase, BeaconPhase::Expired);
		crate::CleanupCursor::<Test>::put(9);
		run_to(10);
		assert_eq!(crate::Pallet::<Test>::beacon_status(&1), None);
	});
}

#[test]
fn try_state_finds_a_stale_beacon_and_a_lost_expiry() {
	new_test_ext().execute_with(|| {
		hotspot(1, LOC_A, 0);
		hotspot(2, LOC_B, 0);
		assert_ok!(beacon(1, &payload(1)));
		crate::Pallet::<Test>::do_try_state().unwrap();
		// Its expiry entry lost: the beacon would never be removed.
		let expiry = 1 + WITNESS_WINDOW + REVEAL_WINDOW + 1;
		Expiries::<Test>::remove(expiry, 1);
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
		Expiries::<Test>::insert(expiry, 1, ());
		// The cursor passed its expiry without removing it.
		crate::CleanupCursor::<Test>::put(expiry + 1);
		System::set_block_number(expiry + 1);
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
		crate::CleanupCursor::<Test>::put(expiry);
		crate::Pallet::<Test>::do_try_state().unwrap();
		// A witness twice.
		Beacons::<Test>::mutate(1, |b| {
			let b = b.as_mut().unwrap();
			let w = crate::Witness { witness: 2, heard: Default::default() };
			b.witnesses.try_push(w.clone()).unwrap();
			b.witnesses.try_push(w).unwrap();
		});
		assert!(crate::Pallet::<Test>::do_try_state().is_err());
	});
}
