from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealLedger(OfficeSealCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")

    def _stamped(self, count=3, seal=None, keeper=None):
        seal = seal or self.seal
        keeper = keeper or self.keeper
        entries = self.env["office.seal.ledger"]
        for index in range(count):
            request = self._approved_request(
                summary=f"测试用印{index + 1}", seal_ids=[(6, 0, seal.ids)]
            )
            entries |= entries.browse(request.with_user(keeper).stamp(1))
        return entries

    def test_nobody_writes_or_deletes_an_entry_admin_included(self):
        entry = self._stamped(1)
        before = entry.read(["impressions", "summary", "entry_hash"])
        for env in (
            self.env(user=self.admin),
            self.env(user=self.admin, su=True),
            self.env(user=self.keeper),
        ):
            with self.assertRaises(AccessError):
                entry.with_env(env).write({"impressions": 99})
            with self.assertRaises(AccessError):
                entry.with_env(env).unlink()
        entry.invalidate_recordset()
        self.assertEqual(entry.read(["impressions", "summary", "entry_hash"]), before)
        self.assertTrue(entry.exists())

    def test_nobody_creates_an_entry_by_hand(self):
        vals = {
            "seal_id": self.seal.id,
            "stamped_at": "2026-01-05 08:00:00",
            "use_category": "cat1",
            "summary": "补登",
            "impressions": 1,
            "applicant_id": self.staff.id,
            "keeper_id": self.keeper.id,
        }
        Ledger = self.env["office.seal.ledger"]
        for env in (
            self.env(user=self.admin),
            self.env(user=self.admin, su=True),
            self.env(user=self.keeper),
            self.env(user=self.director),
        ):
            with self.assertRaises(AccessError):
                Ledger.with_env(env).create(vals)
        # the old context key does not open it either, not even as superuser
        for env in (self.env(user=self.admin), self.env(user=self.keeper, su=True)):
            with self.assertRaises(AccessError):
                Ledger.with_env(env).with_context(
                    office_seal_ledger_append=True
                ).create(vals)
        self.assertFalse(Ledger.search([("seal_id", "=", self.seal.id)]))

    def test_entries_are_numbered_and_chained_per_seal(self):
        entries = self._stamped(2)
        other = self._stamped(1, seal=self.seal2, keeper=self.other_keeper)
        self.assertEqual(entries.sorted("sequence").mapped("sequence"), [1, 2])
        self.assertEqual(other.sequence, 1)
        first, second = entries.sorted("sequence")
        self.assertFalse(first.prev_hash)
        self.assertEqual(second.prev_hash, first.entry_hash)
        self.assertFalse(other.prev_hash)
        result = (self.seal | self.seal2).verify_chain()
        self.assertEqual(result, {"ok": True, "broken": []})

    def test_verification_names_an_entry_altered_in_sql(self):
        first, second, third = self._stamped(3).sorted("sequence")
        self.assertTrue(self.seal.verify_chain()["ok"])
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE office_seal_ledger SET impressions = 99 WHERE id = %s", [second.id]
        )
        result = self.seal.with_user(self.keeper).verify_chain()
        self.assertFalse(result["ok"])
        self.assertEqual(len(result["broken"]), 1)
        self.assertEqual(result["broken"][0]["entry_id"], second.id)
        self.assertEqual(result["broken"][0]["problem"], "altered")
        self.assertEqual(result["broken"][0]["model"], "office.seal.ledger")
        action = self.seal.with_user(self.keeper).action_verify_chain()
        self.assertEqual(action["params"]["type"], "danger")
        self.assertIn(str(second.id), action["params"]["message"])

    def test_verification_finds_a_missing_entry(self):
        first, second, third = self._stamped(3).sorted("sequence")
        self.env.flush_all()
        self.env.cr.execute("DELETE FROM office_seal_ledger WHERE id = %s", [second.id])
        result = self.seal.verify_chain()
        self.assertEqual(result["broken"][0]["entry_id"], third.id)

    def test_verification_finds_missing_latest_entries(self):
        first, second, third = self._stamped(3).sorted("sequence")
        self.env.flush_all()
        self.env.cr.execute("DELETE FROM office_seal_ledger WHERE id = %s", [third.id])
        result = self.seal.verify_chain()
        self.assertFalse(result["ok"])
        self.assertEqual(result["broken"][0]["problem"], "truncated")
        self.assertEqual(result["broken"][0]["entry_id"], second.id)
        with self.assertRaises(AccessError):
            self.seal.with_user(self.director).write({"ledger_head_hash": "0"})

    def test_verification_finds_a_forged_hash(self):
        first, second = self._stamped(2).sorted("sequence")
        self.env.flush_all()
        # recomputing the altered entry's hash breaks the link of the next one
        self.env.cr.execute(
            "UPDATE office_seal_ledger SET summary = '伪造', entry_hash = %s "
            "WHERE id = %s",
            ["0" * 64, first.id],
        )
        self.assertEqual(self.seal.verify_chain()["broken"][0]["entry_id"], first.id)

    def test_a_correction_is_a_new_linked_entry(self):
        entry = self._stamped(1)
        with self.assertRaises(AccessError):
            entry.with_user(self.other_keeper).correct(
                "盖章数量登记错误", impressions=2
            )
        wizard = (
            self.env["office.seal.ledger.correction.wizard"]
            .with_user(self.keeper2)
            .create({"entry_id": entry.id, "reason": "实际盖章2次"})
        )
        self.assertEqual(wizard.impressions, 1)
        wizard.impressions = 2
        wizard.action_confirm()
        correction = entry.correction_ids
        self.assertEqual(len(correction), 1)
        self.assertRecordValues(
            correction,
            [
                {
                    "sequence": 2,
                    "impressions": 2,
                    "correction_of_id": entry.id,
                    "correction_reason": "实际盖章2次",
                    "keeper_id": self.keeper2.id,
                    "request_id": entry.request_id.id,
                    "prev_hash": entry.entry_hash,
                }
            ],
        )
        self.assertEqual(entry.impressions, 1)
        self.assertTrue(entry.is_corrected)
        self.assertTrue(self.seal.verify_chain()["ok"])

    def test_who_reads_the_ledger(self):
        entry = self._stamped(1)
        other = self._stamped(1, seal=self.seal2, keeper=self.other_keeper)
        Ledger = self.env["office.seal.ledger"]
        self.assertEqual(Ledger.with_user(self.keeper2).search([]), entry)
        self.assertEqual(Ledger.with_user(self.other_keeper).search([]), other)
        for user in (self.director, self.auditor):
            self.assertEqual(
                Ledger.with_user(user).search([("id", "in", (entry | other).ids)]),
                entry | other,
            )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Ledger.with_user(self.staff).search([])
        self.assertEqual(self.seal.with_user(self.keeper).ledger_count, 1)
        self.assertEqual(self.seal.with_user(self.staff).ledger_count, 0)
