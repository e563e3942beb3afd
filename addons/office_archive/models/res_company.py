from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    archive_loan_max_days = fields.Integer(
        string="Longest archive loan (working days)",
        default=5,
        help="003 第三十一条（二）4: 借阅档案用后立即归还，最长不超过5个工作日. "
        "A loan, and each renewal, lasts at most this many working days.",
    )
    archive_loan_max_renewals = fields.Integer(
        string="Renewals per archive loan",
        default=1,
        help="003 第三十一条（二）4: 如确需延期借阅，须到办公室办理续借手续. "
        "How many times a loan may be renewed, each time with the archivist's "
        "approval.",
    )
    archive_secret_take_out = fields.Boolean(
        string="Secret archives may be taken out",
        help="002 篇6 机关档案保密制度 四: 机密档案概不外借 — secret archives are read "
        "in the archives only (the default, the stricter rule). 003 第三十一条（二）3 "
        "lets them leave the office with the approval of the classifying unit: "
        "tick to follow 003. Lending to an external borrower stays refused.",
    )
    archive_room_entry_people = fields.Integer(
        string="Staff entering the archive room together",
        default=2,
        help="002 公文处理制度 九: 进档案室调阅公文资料，"
        "需两名工作人员同行，并做好登记工作. "
        "An entry in the room access log is confirmed only when at least this "
        "many distinct staff members are named on it.",
    )
    archive_holiday_inspection_days = fields.Integer(
        string="Security inspection before holidays (working days)",
        default=1,
        help="002 篇6 机关档案保密制度 八: 重大节假日，"
        "档案工作人员要对各项安全防范措施进行全面检查. "
        "This many working days before a holiday period of the "
        "working-day calendar, each storage room gets a security inspection, due "
        "on the last working day before the holiday.",
    )
    archive_object_handover_months = fields.Integer(
        string="Physical and audio-visual items handed in within (months)",
        default=1,
        help="002 篇6 机关实物档案归档制度: "
        "在形成或获得实物的一个月内…向档案管理中心移交; "
        "机关声像档案归档制度: 自形成之日起一个月内向档案管理中心移交. The department "
        "is reminded until the item is filed.",
    )
    archive_display_months = fields.Integer(
        string="Displayed objects returned within (months)",
        default=12,
        help="002 篇6 机关实物档案归档制度: "
        "如需在会议室或其他地方摆放展示的…一年后再归还档案管理中心. "
        "A display loan is due this many months after it starts.",
    )
    archive_primary_medium = fields.Selection(
        [
            ("server", "Archive system storage"),
            ("offline_disk", "Offline hard disk"),
            ("optical", "Optical disc"),
            ("tape", "Magnetic tape"),
            ("remote", "Remote backup site"),
        ],
        string="Electronic archives kept on",
        default="server",
        required=True,
        help="003 第三十条（二）3: 电子档案采取不同介质存储副本. The medium of the "
        "archive system itself: a second copy is registered on another one.",
    )
    archive_backup_check_months = fields.Integer(
        string="Second copies checked every (months)",
        default=12,
        help="003 第三十条（二）3: 对电子档案定期进行检查、转存和备份. The seed says "
        "定期 without a number: twelve months is the suite's default.",
    )
