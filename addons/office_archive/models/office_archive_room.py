from odoo import api, fields, models
from odoo.exceptions import ValidationError


class OfficeArchiveRoom(models.Model):
    """A storage room (库房): paper is kept at 14–24 ℃ and 45–60 %RH
    (JGJ 25-2010); readings outside the range are flagged."""

    _name = "office.archive.room"
    _description = "Archive Storage Room"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char()
    location = fields.Char()
    keeper_id = fields.Many2one("res.users", tracking=True)
    temp_min = fields.Float(string="Lowest temperature (℃)", default=14.0)
    temp_max = fields.Float(string="Highest temperature (℃)", default=24.0)
    humidity_min = fields.Float(string="Lowest humidity (%RH)", default=45.0)
    humidity_max = fields.Float(string="Highest humidity (%RH)", default=60.0)
    box_ids = fields.One2many("office.archive.box", "room_id", string="Boxes")
    box_count = fields.Integer(compute="_compute_counts")
    reading_ids = fields.One2many(
        "office.archive.room.reading", "room_id", string="Readings"
    )
    reading_count = fields.Integer(compute="_compute_counts")
    inspection_ids = fields.One2many("office.archive.inspection", "room_id")
    inspection_count = fields.Integer(compute="_compute_counts")
    last_temperature = fields.Float(
        compute="_compute_last_reading", string="Temperature (℃)"
    )
    last_humidity = fields.Float(
        compute="_compute_last_reading", string="Humidity (%RH)"
    )
    last_out_of_range = fields.Boolean(
        compute="_compute_last_reading", string="Out of range"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    def _compute_counts(self):
        for room in self:
            room.box_count = len(room.box_ids)
            room.reading_count = len(room.reading_ids)
            room.inspection_count = len(room.inspection_ids)

    def _compute_last_reading(self):
        for room in self:
            last = room.reading_ids.sorted("reading_time", reverse=True)[:1]
            room.last_temperature = last.temperature
            room.last_humidity = last.humidity
            room.last_out_of_range = last.out_of_range

    @api.constrains("temp_min", "temp_max", "humidity_min", "humidity_max")
    def _check_ranges(self):
        for room in self:
            if room.temp_min >= room.temp_max or room.humidity_min >= room.humidity_max:
                raise ValidationError(
                    self.env._("The lowest value of a range must be below the highest.")
                )

    def _open(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("room_id", "=", self.id)],
            "context": {"default_room_id": self.id},
        }

    def action_open_readings(self):
        return self._open("office.archive.room.reading", self.env._("Readings"))

    def action_open_inspections(self):
        return self._open("office.archive.inspection", self.env._("Inspections"))

    def action_open_boxes(self):
        return self._open("office.archive.box", self.env._("Boxes"))
