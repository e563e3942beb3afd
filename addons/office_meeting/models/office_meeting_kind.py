from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeMeetingKind(models.Model):
    """A kind of meeting of the agency and its rules: who chairs it, how often
    it meets, how its minutes are signed and its decisions followed, and the
    limits of a special meeting (002 篇4 机关会议制度). Every number here is the
    seed's value, kept as data an administrator can change."""

    _name = "office.meeting.kind"
    _description = "Meeting Kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short code used in references.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Empty: every company.")
    chair_group_id = fields.Many2one(
        "res.groups",
        string="Chaired by",
        help="The chair of a meeting of this kind must be in this group (002 篇4 "
        "机关会议制度: 党组会议由书记或书记委托副书记召集和主持; "
        "局务会议、局长办公会议由局长或局长委托主持工作的副局长召集和主持; "
        "专项工作会议由副局长或班子成员主持).",
    )
    meetings_per_year = fields.Integer(
        string="Meetings a year",
        help="How often the kind meets, at least (002 篇4 机关会议制度: 党组会议、局务"
        "会议、局长办公会议一般每月召开1次 = 12; "
        "干部职工会一般每半年召开一次 = 2; "
        "党政业务学习制度: 党政学习和业务学习每月各一次). 0: when needed.",
    )
    max_topics = fields.Integer(
        string="Topics at most",
        help="A meeting of this kind with more agenda items must be held as the "
        "kind below (002 篇4 专项工作会议: 涉及2个(不含)以上议题的, 应确定召开局长"
        "办公会议 = 2). 0: no limit.",
    )
    max_leader_share = fields.Integer(
        string="Share of the leadership below (%)",
        help="A meeting of this kind that needs this share of the leaders or more "
        "must be held as the kind below (002 篇4 专项工作会议: 需要一半局班子成员参加"
        "的, 应确定召开局长办公会议 = 50). 0: no limit.",
    )
    convert_to_id = fields.Many2one(
        "office.meeting.kind",
        string="Hold instead as",
        help="The kind a meeting over the limits above is converted to.",
    )
    chair_signs_minutes = fields.Boolean(
        string="Minutes signed by the chair",
        help="Only the chair closes the meeting with its minutes (002 篇4 局务会议: "
        "会议纪要由会议主持人签发).",
    )
    follow_up_decisions = fields.Boolean(
        string="Decisions followed up",
        default=True,
        help="The office follows the decisions up and lists them in the next "
        "meeting of the kind (002 篇4: 对会议决定事项的贯彻落实情况, 办公室负责督促"
        "检查; 004 一(二)12).",
    )
    is_study = fields.Boolean(
        string="Study session",
        help="党政学习 or 业务学习 (002 篇4 党政业务学习制度).",
    )
    is_external = fields.Boolean(
        string="External meeting",
        help="A meeting of another organ attended by the agency: registration, "
        "prior clearance of statements and a written report (003 第二十一条).",
    )
    meeting_count_year = fields.Integer(
        string="Held this year", compute="_compute_meeting_count_year"
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a meeting kind is unique in its company.",
        ),
    ]

    @api.constrains("meetings_per_year", "max_topics", "max_leader_share")
    def _check_numbers(self):
        for kind in self:
            if min(kind.meetings_per_year, kind.max_topics, kind.max_leader_share) < 0:
                raise ValidationError(
                    self.env._("The numbers of a meeting kind cannot be negative.")
                )
            if kind.max_leader_share > 100:
                raise ValidationError(
                    self.env._("A share of the leadership is at most 100 %.")
                )

    @api.constrains("convert_to_id")
    def _check_convert_to(self):
        for kind in self:
            if kind.convert_to_id == kind:
                raise ValidationError(
                    self.env._("A meeting kind cannot be converted to itself.")
                )

    def _compute_meeting_count_year(self):
        today = self.env["office.calendar"].today()
        groups = self.env["office.meeting"]._read_group(
            [
                ("kind_id", "in", self.ids),
                ("state", "in", ("held", "done")),
                ("date_start", ">=", today.replace(month=1, day=1)),
            ],
            ["kind_id"],
            ["__count"],
        )
        counts = {kind.id: count for kind, count in groups}
        for kind in self:
            kind.meeting_count_year = counts.get(kind.id, 0)

    def _over_limits(self, topic_count, leader_share):
        """Why a meeting of this kind with `topic_count` topics and the
        `leader_share` (%) of the leadership must be held as another kind:
        a message, or an empty string."""
        self.ensure_one()
        if self.max_topics and topic_count > self.max_topics:
            return self.env._(
                "a %(kind)s takes %(max)s topics at most, this one has %(count)s",
                kind=self.name,
                max=self.max_topics,
                count=topic_count,
            )
        if self.max_leader_share and leader_share >= self.max_leader_share:
            return self.env._(
                "a %(kind)s needing %(share)s %% of the leadership or more is "
                "held as another kind",
                kind=self.name,
                share=self.max_leader_share,
            )
        return ""
