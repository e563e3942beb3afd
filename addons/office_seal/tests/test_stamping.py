from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealStamping(OfficeSealCase):
    def test_keeper_stamps_and_the_ledger_has_every_element(self):
        request = self._approved_request(
            summary="办公设备采购合同", document_ref="CG-2026-01", stamp_count=3
        )
        activity = request.sudo().activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("office_seal.mail_act_office_seal_stamp")
            )
        )
        self.assertEqual(activity.user_id, self.keeper)
        entry_ids = request.with_user(self.keeper).stamp(3)
        entry = self.env["office.seal.ledger"].browse(entry_ids)
        self.assertEqual(len(entry), 1)
        self.assertRecordValues(
            entry,
            [
                {
                    "seal_id": self.seal.id,
                    "sequence": 1,
                    "use_category": "cat1",
                    "summary": "办公设备采购合同",
                    "document_ref": "CG-2026-01",
                    "impressions": 3,
                    "applicant_id": self.staff.id,
                    "keeper_id": self.keeper.id,
                    "request_id": request.id,
                    "correction_of_id": False,
                }
            ],
        )
        self.assertEqual(entry.approver_ids, self.principal)
        self.assertTrue(entry.stamped_at)
        self.assertEqual(len(entry.entry_hash), 64)
        self.assertEqual(request.state, "done")
        self.assertEqual(request.stamped_at, entry.stamped_at)
        self.assertFalse(activity.exists())

    def test_deputy_custodian_stamps_through_the_form(self):
        request = self._approved_request()
        action = request.with_user(self.keeper2).action_stamp()
        self.assertEqual(action["res_model"], "office.seal.stamp.wizard")
        wizard_form = Form(
            self.env["office.seal.stamp.wizard"]
            .with_user(self.keeper2)
            .with_context(**action["context"])
        )
        self.assertEqual(len(wizard_form.line_ids), 1)
        with wizard_form.line_ids.edit(0) as line:
            self.assertEqual(line.impressions, 2)
            line.impressions = 1
        wizard_form.save().action_confirm()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.sudo().ledger_ids.impressions, 1)
        self.assertEqual(request.sudo().ledger_ids.keeper_id, self.keeper2)

    def test_more_impressions_than_approved_is_refused(self):
        request = self._approved_request(stamp_count=2)
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(3)
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(0)
        self.assertEqual(request.state, "approved")
        self.assertFalse(request.sudo().ledger_ids)

    def test_non_keeper_cannot_stamp(self):
        request = self._approved_request()
        # the applicant, a keeper of another seal, the office director
        for user in (self.staff, self.other_keeper, self.director):
            with self.assertRaises(AccessError):
                request.with_user(user).stamp(1)
            with self.assertRaises(AccessError):
                request.with_user(user).stamp(1, [self.seal.id])
        self.assertFalse(request.with_user(self.director).can_stamp)
        self.assertTrue(request.with_user(self.keeper).can_stamp)
        self.assertFalse(request.sudo().ledger_ids)

    def test_only_an_approved_request_is_stamped(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        draft = self._request(submit=False)
        with self.assertRaises(UserError):
            draft.with_user(self.keeper).stamp(1)
        self.assertFalse((request | draft).sudo().ledger_ids)

    def test_a_request_is_stamped_once(self):
        request = self._approved_request()
        request.with_user(self.keeper).stamp(2)
        with self.assertRaises(UserError):
            request.with_user(self.keeper2).stamp(1, [self.seal.id])
        self.assertEqual(len(request.sudo().ledger_ids), 1)

    def test_seal_not_in_use_is_not_stamped(self):
        request = self._approved_request()
        self.seal.with_user(self.director).change_state("suspend", "印章检修")
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        self.assertFalse(request.sudo().ledger_ids)

    def test_each_keeper_stamps_his_seal(self):
        request = self._approved_request(
            seal_ids=[(6, 0, (self.seal | self.seal2).ids)]
        )
        request.with_user(self.keeper).stamp(1)
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.stamped_seal_ids, self.seal)
        request.with_user(self.other_keeper).stamp(2)
        self.assertEqual(request.state, "done")
        entries = request.sudo().ledger_ids
        self.assertEqual(entries.seal_id, self.seal | self.seal2)
        self.assertEqual(entries.mapped("sequence"), [1, 1])

    def test_keeper_refuses_an_irregular_document(self):
        request = self._approved_request()
        with self.assertRaises(UserError):
            request.with_user(self.keeper).keeper_refuse(" ")
        with self.assertRaises(AccessError):
            request.with_user(self.other_keeper).keeper_refuse("字迹潦草")
        action = request.with_user(self.keeper).action_keeper_refuse()
        self.assertEqual(action["res_model"], "office.reason.wizard")
        wizard = (
            self.env["office.reason.wizard"]
            .with_user(self.keeper)
            .with_context(**action["context"])
            .create({"reason": "有明显涂改痕迹"})
        )
        wizard.action_confirm()
        self.assertEqual(request.state, "refused")
        self.assertEqual(request.refuse_reason, "有明显涂改痕迹")
        self.assertEqual(request.refused_by_id, self.keeper)
        with self.assertRaises(UserError):
            request.with_user(self.keeper).stamp(1)
        self.assertFalse(request.sudo().activity_ids)
