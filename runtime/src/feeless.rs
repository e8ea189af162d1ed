//! The payment extension of device reports: `pallet_skip_feeless_payment::SkipCheckIfFeeless`
//! around `ChargeTransactionPayment`, charged only the weight it uses.
//!
//! A valid device report (a call marked `#[pallet::feeless_if]`) skips the payment: no account is
//! read, nothing is withdrawn. Upstream `SkipCheckIfFeeless` still charges the block the payment
//! extension's full weight for it (its `post_dispatch_details` returns no unspent weight when it
//! skipped), about 94 µs of a beacon's, witness report's or reveal's weight at our database
//! weights: a fifth of a witness report. This wrapper returns that weight as unspent when the
//! payment was skipped, so that a block holds as many device reports as they really cost. For
//! wallets nothing changes: same identifier, same encoding, same metadata type.

use crate::{Runtime, RuntimeCall};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::PostDispatchInfo, weights::Weight};
use pallet_skip_feeless_payment::{Intermediate, SkipCheckIfFeeless};
use pallet_transaction_payment::ChargeTransactionPayment;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, Implication, PostDispatchInfoOf, TransactionExtension,
		TransactionExtensionMetadata, ValidateResult,
	},
	transaction_validity::{TransactionSource, TransactionValidityError},
	DispatchResult,
};

type Inner = SkipCheckIfFeeless<Runtime, ChargeTransactionPayment<Runtime>>;

/// `SkipCheckIfFeeless<ChargeTransactionPayment>` that refunds the payment's weight when skipped.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, Debug)]
pub struct ChargeUnlessFeeless(pub Inner);

// The metadata type of the payment extension itself, exactly as before the wrapper.
impl TypeInfo for ChargeUnlessFeeless {
	type Identity = <Inner as TypeInfo>::Identity;
	fn type_info() -> scale_info::Type {
		<ChargeTransactionPayment<Runtime> as TypeInfo>::type_info()
	}
}

impl From<ChargeTransactionPayment<Runtime>> for ChargeUnlessFeeless {
	fn from(inner: ChargeTransactionPayment<Runtime>) -> Self {
		ChargeUnlessFeeless(inner.into())
	}
}

impl TransactionExtension<RuntimeCall> for ChargeUnlessFeeless {
	const IDENTIFIER: &'static str = <Inner as TransactionExtension<RuntimeCall>>::IDENTIFIER;
	type Implicit = <Inner as TransactionExtension<RuntimeCall>>::Implicit;
	type Val = <Inner as TransactionExtension<RuntimeCall>>::Val;
	/// The wrapped extension's, and the weight it charged up front.
	type Pre = (<Inner as TransactionExtension<RuntimeCall>>::Pre, Weight);

	fn metadata() -> alloc::vec::Vec<TransactionExtensionMetadata> {
		<Inner as TransactionExtension<RuntimeCall>>::metadata()
	}

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let charged = self.0.weight(call);
		Ok((self.0.prepare(val, origin, call, info, len)?, charged))
	}

	fn post_dispatch_details(
		(pre, charged): Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		let skipped = matches!(pre, Intermediate::Skip(_));
		let unspent = Inner::post_dispatch_details(pre, info, post_info, len, result)?;
		if !skipped {
			return Ok(unspent);
		}
		// Skipped: the payment never ran, all it was charged is unspent. `CheckWeight` comes
		// before this extension and has already reclaimed the block weight the call left
		// unspent; reclaim the payment's too (frame_system keeps the total reclaimed per
		// extrinsic, so nothing is reclaimed twice).
		let unspent = unspent.saturating_add(charged);
		let post = PostDispatchInfo {
			actual_weight: Some(post_info.calc_actual_weight(info).saturating_sub(unspent)),
			pays_fee: post_info.pays_fee,
		};
		frame_system::Pallet::<Runtime>::reclaim_weight(info, &post)?;
		Ok(unspent)
	}
}
