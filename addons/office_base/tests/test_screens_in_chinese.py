from odoo.tests import HttpCase, tagged

from .common import OfficeTestCase


@tagged("post_install", "-at_install")
class TestScreensInChinese(OfficeTestCase, HttpCase):
    """What a Chinese user reads before and around the office screens."""

    def test_login_asks_for_the_user_name(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        page = self.url_open(
            "/web/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"}
        ).text
        self.assertIn(">用户名</label>", page)
        self.assertNotIn("电子邮件", page)

    def test_oca_approval_banner_is_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        banner = str(
            self.env["ir.qweb"]
            .with_context(lang="zh_CN")
            ._render("base_tier_validation.tier_validation_label", {})
        )
        self.assertIn("本单据需要审批", banner)
        self.assertIn("同意", banner)
        self.assertNotIn("Validate", banner)

    def test_inherited_selections_take_their_siblings_labels(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["office_base"], ["zh_CN"])
        Fields = self.env["ir.model.fields"].with_context(lang="zh_CN")
        abstract = dict(
            Fields.get_field_selection("tier.validation", "validation_status")
        )
        inherited = dict(
            Fields.get_field_selection("office.approval.mixin", "validation_status")
        )
        self.assertNotEqual(inherited["rejected"], "Rejected")
        self.assertEqual(inherited, abstract)
