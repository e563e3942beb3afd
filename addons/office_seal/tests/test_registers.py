from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import OfficeSealCase


@tagged("post_install", "-at_install")
class TestSealRegisters(OfficeSealCase):
    def _letter(self, **vals):
        return (
            self.env["office.seal.intro.letter"]
            .with_user(self.keeper)
            .create(
                {
                    "bearer": "李四",
                    "bearer_user_id": self.staff.id,
                    "addressee": "市审计局",
                    "matter": "联系预算执行审计事宜",
                    **vals,
                }
            )
        )

    def test_introduction_letter_stubs_kept_004_1_6_4(self):
        # 004 一(六) 4: 对各类介绍信存根，要妥善保管; 5: 不准私自出具…空白信
        letter = self._letter()
        self.assertTrue(letter.name.startswith("介绍信"))
        # stamped on an approved seal use of category ① only
        with self.assertRaisesRegex(UserError, "004"):
            letter.action_issue()
        pending = self._request(use_category="cat1")
        letter.request_id = pending
        with self.assertRaises(UserError):
            letter.action_issue()
        letter.request_id = self._approved_request(use_category="cat1")
        with self.assertRaises(AccessError):
            letter.with_user(self.staff).action_issue()
        letter.action_issue()
        self.assertEqual(letter.state, "issued")
        self.assertEqual(letter.issued_by_id, self.keeper)
        self.assertEqual(str(letter.issued_on), "2026-11-18")
        # the stub is kept as issued
        with self.assertRaises(UserError):
            letter.write({"bearer": "王五"})
        with self.assertRaises(UserError):
            letter.unlink()
        letter.with_user(self.keeper).void("填写错误")
        self.assertEqual(letter.state, "void")
        self.assertTrue(letter.exists())
        # the bearer reads his letter
        self.assertEqual(
            letter.with_user(self.staff).read(["name"])[0]["name"], letter.name
        )

    def test_letter_paper_kept_by_one_person_for_staff_only_004_1_6_7(self):
        # 004 一(六) 7: 公用信笺由专人管理…不得将…信笺交给外部人员使用
        Paper = self.env["office.seal.letter.paper"].with_user(self.keeper)
        hand_out = Paper.create(
            {"quantity": 20, "recipient_id": self.staff.id, "purpose": "发函"}
        )
        with self.assertRaisesRegex(UserError, "004"):
            hand_out.action_issue()
        self.env.company.office_letter_paper_keeper_id = self.keeper2
        with self.assertRaises(AccessError):
            hand_out.action_issue()
        outsider = new_test_user(
            self.env, login="seal_outsider", groups="base.group_portal"
        )
        to_outsider = (
            self.env["office.seal.letter.paper"]
            .with_user(self.keeper2)
            .create({"quantity": 5, "recipient_id": outsider.id, "purpose": "借用"})
        )
        with self.assertRaisesRegex(UserError, "outsiders"):
            to_outsider.action_issue()
        self.assertEqual(to_outsider.state, "draft")
        hand_out.with_user(self.keeper2).action_issue()
        self.assertEqual(hand_out.state, "issued")
        self.assertEqual(hand_out.handed_by_id, self.keeper2)
        with self.assertRaises(UserError):
            hand_out.with_user(self.keeper2).write({"quantity": 2})
