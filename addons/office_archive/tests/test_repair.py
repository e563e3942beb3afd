from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OfficeArchiveCase


@tagged("post_install", "-at_install")
class TestArchiveRepair(OfficeArchiveCase):
    def _repair(self, items, **vals):
        return (
            self.env["office.archive.repair"]
            .with_user(self.archivist)
            .create(
                {
                    "item_ids": [(6, 0, items.ids)],
                    "damage": "纸张破损，字迹褪色",
                    **vals,
                }
            )
        )

    def test_damaged_files_repaired_and_copied_with_approval_003_30(self):
        # 003 第三十条（二）3: 如现有条件无法复原的，应上报办公室负责人审批后联系
        # 省档案馆相关专家进行修补复制; 002 篇6 保密制度 六: 未经领导批准，不得擅自复印
        item = self._filed(title="破损文件")
        in_house = self._repair(item)
        self.assertFalse(in_house.needs_approval)
        with self.assertRaises(UserError):
            in_house.action_done()  # the work done is described
        in_house.result = "已修补"
        in_house.action_done()
        self.assertEqual(in_house.state, "done")
        # experts: the head of the office approves first
        expert = self._repair(item, treatment="expert", result="送省档案馆修复")
        self.assertTrue(expert.needs_approval)
        with self.assertRaisesRegex(UserError, "003 第三十条"):
            expert.action_done()
        self.assertEqual(expert.state, "draft")
        expert.action_submit()
        self.assertEqual(expert.state, "to_approve")
        with self.assertRaises(UserError):
            expert.action_done()
        review = self._pending(expert)
        self.assertIn(self.office_head, review.reviewer_ids)
        review.with_user(self.office_head).action_office_approve()
        self.assertEqual(expert.state, "approved")
        expert.action_done()
        self.assertEqual(expert.state, "done")
        # a copy of a secret item needs it too
        secret = self._filed(
            title="秘密件",
            secrecy_level="secret",
            secrecy_years=10,
            department_id=self.dep_office.id,
        )
        copy = self._repair(secret, treatment="copy", result="已复制")
        self.assertTrue(copy.needs_approval)
        with self.assertRaises(UserError):
            copy.action_done()
