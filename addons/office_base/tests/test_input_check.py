from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestInputCheck(OfficeTestCase):
    """Wrong-typed values for an office model are refused with a translated
    message before any override or SQL sees them; right ones still work."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Delegation = cls.env["office.delegation"]
        cls.user = cls.env.ref("base.user_admin")
        cls.substitute = new_test_user(
            cls.env, login="input_check_substitute", groups="base.group_user"
        )
        cls.valid = {
            "user_id": cls.user.id,
            "substitute_id": cls.substitute.id,
            "date_from": "2026-03-02",
            "date_to": "2026-03-06",
        }

    def _refused(self, message, **changes):
        count = self.Delegation.search_count([])
        with self.assertRaisesRegex(ValidationError, message):
            self.Delegation.create(dict(self.valid, **changes))
        self.assertEqual(self.Delegation.search_count([]), count)

    def test_wrong_types_are_refused_with_a_message(self):
        self._refused("positive whole number", substitute_id=True)
        self._refused("positive whole number", substitute_id=":")
        self._refused("positive whole number", substitute_id=[7, "x"])
        self._refused("positive whole number", substitute_id=2**40)
        self._refused("YYYY-MM-DD", date_to="2026-02-30")
        self._refused("YYYY-MM-DD", date_to=20260301)
        self._refused("expected one of draft", state="approved!")
        self._refused("NUL", reason="a\x00b")
        self._refused("expected text", reason=["a", "b"])
        self._refused("record ids or commands", model_ids="all")
        self._refused("record ids or commands", model_ids=[(4, "x")])
        self._refused("record ids or commands", model_ids=[(9, 1)])
        self._refused("has no field", colour="red")
        self._refused("too long", reason="长" * 4001)

    def test_write_is_checked_too(self):
        delegation = self.Delegation.create(self.valid)
        with self.assertRaisesRegex(ValidationError, "YYYY-MM-DD"):
            delegation.write({"date_to": "not a date"})
        self.assertEqual(delegation.date_to, fields.Date.to_date("2026-03-06"))

    def test_values_odoo_accepts_still_pass(self):
        model = self.env["ir.model"]._get("office.delegation")
        delegation = self.Delegation.create(
            dict(
                self.valid,
                date_to=fields.Date.to_date("2026-03-09"),
                reason=False,
                model_ids=[Command.set(model.ids)],
            )
        )
        delegation.write(
            {
                "substitute_id": self.substitute,
                "model_ids": [Command.unlink(model.id), (4, model.id)],
            }
        )
        self.assertEqual(delegation.model_ids, model)

    def test_message_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        with self.assertRaisesRegex(ValidationError, "日期"):
            self.Delegation.with_context(lang="zh_CN").create(
                dict(self.valid, date_to="2026-13-45")
            )
