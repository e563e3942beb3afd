from odoo import api, fields, models


class OfficeSafetyArea(models.Model):
    """A place checked at the end of each working day (002 水电卫生管理制度
    三、五): an office, checked by the last person out (lights, computers,
    air conditioners, doors and windows; the last one out closes the gate),
    or the meeting rooms and corridors, checked by the appointed person."""

    _name = "office.safety.area"
    _description = "Safety Round Area"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("office", "Office (last person out)"),
            ("common", "Meeting rooms and corridors"),
        ],
        required=True,
        default="office",
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Appointed person",
        required=True,
        help="Checks the area each working day (002 水电卫生管理制度 五: 办公室明确专人"
        "负责有关办公室、会议室、走廊等区域的安全管理, 每天下班进行检查).",
    )
    department_id = fields.Many2one("hr.department")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    round_ids = fields.One2many("office.safety.round", "area_id", string="Rounds")
    last_round_date = fields.Date(compute="_compute_last_round")
    last_round_state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("missed", "Missed")],
        compute="_compute_last_round",
    )

    @api.depends("round_ids.date", "round_ids.state")
    def _compute_last_round(self):
        last = {}
        for round_ in self.env["office.safety.round"].search(
            [("area_id", "in", self.ids)], order="date desc, id desc"
        ):
            last.setdefault(round_.area_id.id, round_)
        for area in self:
            round_ = last.get(area.id)
            area.last_round_date = round_.date if round_ else False
            area.last_round_state = round_.state if round_ else False
