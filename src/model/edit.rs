//! The edits a reader can make, applied to a scenario. Pure, so list limits and ids are tested natively; the
//! view only turns events into these.

use super::scenario::{Curve, Scenario, MAX_AGREEMENTS, MAX_TRANCHES};
use super::units::{
    CostPerGigawatt, Gigawatts, Money, Months, PowerPrice, Pue, Share, Watts, YearMonth,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrancheEdit {
    Label(String),
    Amount(Money),
    Paid(YearMonth),
    Probability(Share),
    Lapses(Option<YearMonth>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgreementEdit {
    Label(String),
    Total(Money),
    Start(YearMonth),
    Term(Months),
    Capacity(Option<Gigawatts>),
    Curve(Curve),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Tranche(u32, TrancheEdit),
    AddTranche,
    RemoveTranche(u32),
    Agreement(u32, AgreementEdit),
    AddAgreement,
    RemoveAgreement(u32),
    Ramp(Months),
    Utilisation(Share),
    Pue(Pue),
    PowerPrice(PowerPrice),
    AcceleratorPower(Watts),
    CapitalCost(CostPerGigawatt),
    Burn(Money),
    Commitments(Money),
    Coreweave(Money),
    Anthropic(Money),
    DiscountRate(Share),
}

impl Scenario {
    /// Applies an edit. Adding past a list's limit, removing its last row, or naming a row that is gone leaves
    /// the scenario as it was (the page disables those controls; a stale event must still do no harm).
    ///
    /// ```
    /// use deal_calculator::model::{edit::Edit, scenario::Scenario};
    /// let mut deal = Scenario::reported();
    /// deal.apply(Edit::AddTranche);
    /// assert_eq!(deal.tranches.len(), 3);
    /// deal.apply(Edit::RemoveTranche(0));
    /// assert_eq!(deal.tranches[0].label, "Milestones");
    /// ```
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Tranche(id, edit) => {
                let Some(row) = self.tranches.iter_mut().find(|t| t.id == id) else {
                    return;
                };
                match edit {
                    TrancheEdit::Label(label) => row.label = label,
                    TrancheEdit::Amount(amount) => row.amount = amount,
                    TrancheEdit::Paid(paid) => row.paid = paid,
                    TrancheEdit::Probability(probability) => row.probability = probability,
                    TrancheEdit::Lapses(lapses) => row.lapses = lapses,
                }
            }
            Edit::AddTranche if self.tranches.len() < MAX_TRANCHES => {
                let row = self.new_tranche();
                self.tranches.push(row);
            }
            Edit::RemoveTranche(id) if self.tranches.len() > 1 => {
                self.tranches.retain(|t| t.id != id)
            }
            Edit::Agreement(id, edit) => {
                let Some(row) = self.agreements.iter_mut().find(|a| a.id == id) else {
                    return;
                };
                match edit {
                    AgreementEdit::Label(label) => row.label = label,
                    AgreementEdit::Total(total) => row.total = total,
                    AgreementEdit::Start(start) => row.start = start,
                    AgreementEdit::Term(term) => row.term = term,
                    AgreementEdit::Capacity(capacity) => row.capacity = capacity,
                    AgreementEdit::Curve(curve) => row.curve = curve,
                }
            }
            Edit::AddAgreement if self.agreements.len() < MAX_AGREEMENTS => {
                let row = self.new_agreement();
                self.agreements.push(row);
            }
            Edit::RemoveAgreement(id) if self.agreements.len() > 1 => {
                self.agreements.retain(|a| a.id != id)
            }
            Edit::AddTranche
            | Edit::RemoveTranche(_)
            | Edit::AddAgreement
            | Edit::RemoveAgreement(_) => {}
            Edit::Ramp(ramp) => self.compute.ramp = ramp,
            Edit::Utilisation(share) => self.compute.utilisation = share,
            Edit::Pue(pue) => self.compute.pue = pue,
            Edit::PowerPrice(price) => self.compute.power_price = price,
            Edit::AcceleratorPower(watts) => self.compute.accelerator_power = watts,
            Edit::CapitalCost(cost) => self.compute.capital_cost = cost,
            Edit::Burn(money) => self.context.burn_per_year = money,
            Edit::Commitments(money) => self.context.total_commitments = money,
            Edit::Coreweave(money) => self.context.coreweave = money,
            Edit::Anthropic(money) => self.context.anthropic = money,
            Edit::DiscountRate(rate) => self.discount_rate = rate,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stay_within_their_limits() {
        let mut deal = Scenario::reported();
        for _ in 0..20 {
            deal.apply(Edit::AddTranche);
            deal.apply(Edit::AddAgreement);
        }
        assert_eq!(deal.tranches.len(), MAX_TRANCHES);
        assert_eq!(deal.agreements.len(), MAX_AGREEMENTS);
        let ids: Vec<u32> = deal.tranches.iter().map(|t| t.id).collect();
        for id in ids {
            deal.apply(Edit::RemoveTranche(id));
        }
        assert_eq!(deal.tranches.len(), 1);
    }

    #[test]
    fn ids_stay_unique_after_removals() {
        let mut deal = Scenario::reported();
        deal.apply(Edit::RemoveTranche(0));
        deal.apply(Edit::AddTranche);
        deal.apply(Edit::AddTranche);
        let mut ids: Vec<u32> = deal.tranches.iter().map(|t| t.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn edits_to_rows_that_are_gone_do_nothing() {
        let mut deal = Scenario::reported();
        deal.apply(Edit::Tranche(99, TrancheEdit::Amount(Money::billions(1))));
        assert_eq!(deal, Scenario::reported());
    }
}
