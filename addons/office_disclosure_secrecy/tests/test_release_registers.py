from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.office_disclosure.tests.common import OfficeDisclosureCase

TITLE = "全市2027年度财政收支预测分析报告"


@tagged("post_install", "-at_install")
class TestReleaseRegisters(OfficeDisclosureCase):
    def _release(self, body):
        return (
            self.env["office.disclosure.release"]
            .with_user(self.staff)
            .create(
                {
                    "title": "我局召开财政形势分析会",
                    "body": body,
                    "kind": "news",
                    "department_id": self.dep_budget.id,
                    "deputy_id": self.deputy.id,
                }
            )
        )

    def test_a_text_quoting_a_secret_carrier_of_the_register_is_refused(self):
        self.env["office.secret.carrier"].sudo().create(
            {
                "name": TITLE,
                "secrecy_level": "confidential",
                "custodian_id": self.head.id,
                "department_id": self.dep_budget.id,
                "location": "预算科保密柜",
                "pages": 20,
            }
        )
        release = self._release(f"会议学习了《{TITLE}》。")
        with self.assertRaisesRegex(UserError, "Secrecy review.*机密"):
            release.with_user(self.head).action_review_department()

    def test_a_text_without_classified_titles_is_reviewed(self):
        release = self._release("会议分析了当前财政形势。")
        self._reviewed(release)
        self.assertTrue(release.secrecy_reviewed)
