from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class OfficeArchiveRoomReading(models.Model):
    """A temperature and humidity reading of a storage room, entered by hand
    or sent by a sensor over XML-RPC; out of range readings are flagged and
    the room's keeper gets an activity."""

    _name = "office.archive.room.reading"
    _description = "Storage Room Reading"
    _order = "reading_time desc, id desc"
    _rec_name = "reading_time"

    room_id = fields.Many2one(
        "office.archive.room", string="Storage room", required=True, index=True
    )
    reading_time = fields.Datetime(
        required=True, default=fields.Datetime.now, index=True
    )
    temperature = fields.Float(string="Temperature (℃)", required=True)
    humidity = fields.Float(string="Humidity (%RH)", required=True)
    out_of_range = fields.Boolean(
        compute="_compute_out_of_range", store=True, index=True
    )
    deviation = fields.Char(compute="_compute_out_of_range", store=True)
    source = fields.Selection(
        [("manual", "Entered by hand"), ("sensor", "Sensor")],
        default="manual",
        required=True,
    )
    recorded_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    note = fields.Char()
    company_id = fields.Many2one(related="room_id.company_id", store=True, index=True)

    @api.depends(
        "temperature",
        "humidity",
        "room_id.temp_min",
        "room_id.temp_max",
        "room_id.humidity_min",
        "room_id.humidity_max",
    )
    def _compute_out_of_range(self):
        for reading in self:
            room = reading.room_id
            problems = []
            if not room.temp_min <= reading.temperature <= room.temp_max:
                problems.append(
                    self.env._(
                        "temperature %(value)s ℃ outside %(low)s–%(high)s ℃",
                        value=reading.temperature,
                        low=room.temp_min,
                        high=room.temp_max,
                    )
                )
            if not room.humidity_min <= reading.humidity <= room.humidity_max:
                problems.append(
                    self.env._(
                        "humidity %(value)s %%RH outside %(low)s–%(high)s %%RH",
                        value=reading.humidity,
                        low=room.humidity_min,
                        high=room.humidity_max,
                    )
                )
            reading.out_of_range = bool(problems)
            reading.deviation = "; ".join(problems) or False

    @api.constrains("temperature", "humidity")
    def _check_values(self):
        for reading in self:
            if not 0 <= reading.humidity <= 100:
                raise ValidationError(
                    self.env._("The relative humidity lies between 0 and 100 %RH.")
                )
            if not -40 <= reading.temperature <= 70:
                raise ValidationError(
                    self.env._(
                        "%(value)s ℃ is not a plausible room temperature.",
                        value=reading.temperature,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        for reading in readings.filtered("out_of_range"):
            room = reading.room_id.sudo()
            room.message_post(
                body=self.env._(
                    "Reading out of range: %(deviation)s.", deviation=reading.deviation
                ),
                subtype_xmlid="mail.mt_note",
            )
            if room.keeper_id and not room.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("office_archive.mail_act_office_archive_climate")
                )
            ):
                room.activity_schedule(
                    "office_archive.mail_act_office_archive_climate",
                    user_id=room.keeper_id.id,
                    note=reading.deviation,
                )
        return readings

    def write(self, vals):
        if vals:
            raise UserError(self.env._("A reading is never changed: record a new one."))
        return super().write(vals)
