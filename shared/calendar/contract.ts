import { z } from 'zod';
import { defineChannel } from '../contract/define.js';
import { absolutePathSchema, isoDateSchema } from '../contract/values.js';

/**
 * The group calendar: programmes (editable templates), groups and their sessions, members,
 * attendance, the leader's log, evaluations, conflicts and exports.
 *
 * Times. Every time is a wall-clock time in Europe/Oslo, written `YYYY-MM-DDTHH:MM` (a
 * `LocalDateTime`) or `HH:MM` (a `LocalTime`); no zone, no seconds. A group that meets "Tuesdays at
 * 12:00" meets at 12:00 before and after the change to and from summer time, and that is what is
 * stored. The core turns a local time into an instant only where one is needed (the `.ics` file in
 * UTC, overlaps across midnight); a time that does not exist in Oslo (the hour skipped on the last
 * Sunday of March) is refused with `calendar.timeInvalid`.
 *
 * Members are clients of a mental-health service: a member is a short label the leaders recognise
 * (initials or a first name), optionally linked to a study participant, and nothing more.
 */

const id = z.number().int().positive();
const nothing = z.object({}).strict();

/** `YYYY-MM-DDTHH:MM`, a wall-clock time in Europe/Oslo. */
export const localDateTimeSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'localDateTime',
});
/** `HH:MM`. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'localTime' });

/** A text in both of the app's languages (a programme's name, a theme, a question). */
export const bilingualSchema = z.object({ en: z.string().trim().min(1).max(300), nb: z.string().trim().min(1).max(300) }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;
const bilingualLongSchema = z.object({ en: z.string().max(4000), nb: z.string().max(4000) }).strict();

/** 1 = Monday … 7 = Sunday (ISO). */
export const weekdaySchema = z.number().int().min(1).max(7);

const keySchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, { message: 'key' });

// ── Programmes ──────────────────────────────────────────────────────────────────────────────

/**
 * How a programme's group sessions fall in time:
 * - `weekly`: `perWeek` sessions a week for `weeks` weeks, on weekdays each group chooses;
 * - `interval`: `sessions` sessions, one every `everyDays` days from the start date;
 * - `fixedDates`: on the given dates (a training programme's seminar days); a group gets those on
 *   or after its start date.
 */
export const cadenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weekly'), weeks: z.number().int().min(1).max(52), perWeek: z.number().int().min(1).max(5) }).strict(),
  z.object({ kind: z.literal('interval'), sessions: z.number().int().min(1).max(100), everyDays: z.number().int().min(1).max(366) }).strict(),
  z.object({ kind: z.literal('fixedDates'), dates: z.array(isoDateSchema).min(1).max(100) }).strict(),
]);
export type Cadence = z.infer<typeof cadenceSchema>;

/** When an individual talk falls, relative to the group's sessions. */
export const talkTimingSchema = z.discriminatedUnion('kind', [
  /** Before the first group session. */
  z.object({ kind: z.literal('beforeStart') }).strict(),
  /** In the given week of the course (week 1 is the week of the first session). */
  z.object({ kind: z.literal('inWeek'), week: z.number().int().min(1).max(104) }).strict(),
  /** About this many weeks after the last session. */
  z.object({ kind: z.literal('afterEnd'), weeks: z.number().int().min(0).max(104) }).strict(),
]);
export type TalkTiming = z.infer<typeof talkTimingSchema>;

export const completionRuleSchema = z.discriminatedUnion('kind', [
  /** At least `sessions` sessions attended (four of five for a certificate). */
  z.object({ kind: z.literal('minSessions'), sessions: z.number().int().min(1).max(100) }).strict(),
  /** Absent from at most `percent` % of the sessions held (rounded down to whole sessions). */
  z.object({ kind: z.literal('maxAbsencePercent'), percent: z.number().int().min(0).max(100) }).strict(),
]);
export type CompletionRule = z.infer<typeof completionRuleSchema>;

export const questionKinds = ['scale', 'yesNo', 'text'] as const;
export const evaluationTimings = ['before', 'after', 'afterEachSession'] as const;
export type EvaluationTiming = (typeof evaluationTimings)[number];

export const evaluationFormSchema = z
  .object({
    key: keySchema,
    when: z.enum(evaluationTimings),
    title: bilingualSchema,
    questions: z
      .array(
        z
          .object({
            key: keySchema,
            text: bilingualSchema,
            /** `scale`: 1 (not at all) to 5 (very much). */
            kind: z.enum(questionKinds),
          })
          .strict(),
      )
      .min(1)
      .max(40),
  })
  .strict();
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;

/**
 * A programme as a template. Groups take a copy of it when they are created, so editing a template
 * never changes a running group.
 */
export const programmeContentSchema = z
  .object({
    name: bilingualSchema,
    description: bilingualLongSchema,
    /** The phases in order (START talk, group, mid-way talk, follow-up …), as the leaders describe them. */
    phases: z.array(z.object({ name: bilingualSchema, description: bilingualLongSchema }).strict()).max(20),
    cadence: cadenceSchema,
    /** Default start time of a session. */
    startTime: localTimeSchema,
    sessionMinutes: z.number().int().min(15).max(16 * 60),
    /** The parts of a session (preparation, introduction, reflection), with minutes (0 when done beforehand). */
    sessionParts: z.array(z.object({ name: bilingualSchema, minutes: z.number().int().min(0).max(16 * 60) }).strict()).max(20),
    /** Themes worked through; each group sets their order. */
    themes: z.array(z.object({ key: keySchema, name: bilingualSchema }).strict()).max(50),
    /** Learning goals by code (group supervision); shown with the programme, not tracked per member. */
    learningGoals: z.array(z.object({ code: z.string().trim().min(1).max(40), text: bilingualSchema }).strict()).max(100),
    individualTalks: z
      .array(
        z
          .object({
            key: keySchema,
            name: bilingualSchema,
            timing: talkTimingSchema,
            minMinutes: z.number().int().min(0).max(16 * 60),
            bothLeaders: z.boolean(),
          })
          .strict(),
      )
      .max(10),
    capacity: z.object({ max: z.number().int().min(1).max(500), ideal: z.number().int().min(1).max(500).nullable() }).strict(),
    completion: completionRuleSchema,
    evaluationForms: z.array(evaluationFormSchema).max(10),
    /** Whether the programme asks for a leader's log after each session. */
    leaderLog: z.boolean(),
    /** The usual hours: a session that starts earlier, ends later or falls on a weekend is flagged. */
    usualHours: z.object({ from: localTimeSchema, to: localTimeSchema }).strict(),
  })
  .strict();
export type ProgrammeContent = z.infer<typeof programmeContentSchema>;

/** The programmes Groundwork ships (a copy is `null`). */
export const builtinProgrammeKeys = ['restart', 'groupTherapyTraining', 'groupSupervision', 'palliativeReflection', 'rehabilitationReflection'] as const;
export type BuiltinProgrammeKey = (typeof builtinProgrammeKeys)[number];

export const programmeSchema = z.object({
  id,
  builtin: z.enum(builtinProgrammeKeys).nullable(),
  isDefault: z.boolean(),
  content: programmeContentSchema,
  /** How many groups were made from it (a programme in use cannot be deleted). */
  groupCount: z.number().int(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof programmeSchema>;

// ── Groups, sessions, members ───────────────────────────────────────────────────────────────

export const leadersSchema = z
  .object({
    /** The professional leader (a name: leaders are staff, not clients). */
    professional: z.string().trim().min(1).max(100),
    /** The peer worker (erfaringskonsulent). */
    peer: z.string().trim().max(100),
  })
  .strict();

export const groupSummarySchema = z.object({
  id,
  name: z.string(),
  programmeId: id.nullable(),
  programmeName: bilingualSchema,
  leaders: z.object({ professional: z.string(), peer: z.string() }),
  room: z.string(),
  startDate: z.string(),
  /** The date of the last session, or null when it has none. */
  endDate: z.string().nullable(),
  /** Stable colour index (0-based) for the calendar views. */
  colour: z.number().int(),
  sessionCount: z.number().int(),
  memberCount: z.number().int(),
  capacity: z.number().int(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

export const conflictKinds = ['holiday', 'leaderDoubleBooked', 'roomDoubleBooked', 'outsideUsualHours', 'weekend'] as const;
export type ConflictKind = (typeof conflictKinds)[number];

/** Why a session is flagged. Several may apply at once. */
export const conflictSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('holiday'), date: z.string(), holiday: bilingualSchema }),
  z.object({ kind: z.literal('leaderDoubleBooked'), leader: z.string(), otherSessionId: id, otherGroupId: id, otherGroupName: z.string() }),
  z.object({ kind: z.literal('roomDoubleBooked'), room: z.string(), otherSessionId: id, otherGroupId: id, otherGroupName: z.string() }),
  z.object({ kind: z.literal('outsideUsualHours'), usualFrom: z.string(), usualTo: z.string() }),
  z.object({ kind: z.literal('weekend'), date: z.string() }),
]);
export type Conflict = z.infer<typeof conflictSchema>;

export const sessionSchema = z.object({
  id,
  groupId: id,
  /** 1, 2, … in time order within the group. */
  number: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  /** The session's own room, or '' to use the group's. */
  room: z.string(),
  themeKey: z.string().nullable(),
  theme: bilingualSchema.nullable(),
  themeNotes: z.string(),
  conflicts: z.array(conflictSchema),
  /** Attendance registered for how many members, of how many present. */
  attendance: z.object({ recorded: z.number().int(), present: z.number().int() }),
  hasLog: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

/** One session as the calendar views show it, across all groups. */
export const calendarEntrySchema = sessionSchema.extend({
  groupName: z.string(),
  colour: z.number().int(),
  leaders: z.object({ professional: z.string(), peer: z.string() }),
  groupRoom: z.string(),
  sessionCount: z.number().int(),
});
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const memberStatuses = ['inProgress', 'completed', 'notCompleted'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** A member's sessions attended against the programme's completion rule. */
export const memberProgressSchema = z.object({
  attended: z.number().int(),
  absent: z.number().int(),
  /** Sessions without attendance for this member yet. */
  unrecorded: z.number().int(),
  total: z.number().int(),
  /** The least number of sessions that must be attended to complete. */
  required: z.number().int(),
  /** Whether completion is still possible with the sessions left. */
  canStillComplete: z.boolean(),
  status: z.enum(memberStatuses),
  /** The date of the last session attended, once the course is over and the rule is met. */
  completedOn: z.string().nullable(),
});
export type MemberProgress = z.infer<typeof memberProgressSchema>;

export const memberSchema = z.object({
  id,
  groupId: id,
  label: z.string(),
  participantId: id.nullable(),
  participantPseudonym: z.string().nullable(),
  progress: memberProgressSchema,
});
export type Member = z.infer<typeof memberSchema>;

/** At most this many characters: enough for initials or a first name, too short for a full identity. */
export const memberLabelMaxLength = 24;
export const memberLabelSchema = z.string().trim().min(1).max(memberLabelMaxLength);

export const talkSchema = z.object({
  id,
  memberId: id,
  talkKey: z.string(),
  name: bilingualSchema,
  startsAt: z.string(),
  minutes: z.number().int(),
  held: z.boolean(),
});
export type Talk = z.infer<typeof talkSchema>;

/** An individual talk the programme asks for, per member: when it is due and whether it is booked. */
export const talkDueSchema = z.object({
  memberId: id,
  talkKey: z.string(),
  name: bilingualSchema,
  /** The window it should fall in (inclusive dates), from the group's schedule. */
  dueFrom: z.string().nullable(),
  dueBy: z.string().nullable(),
  minMinutes: z.number().int(),
  bothLeaders: z.boolean(),
  talkId: id.nullable(),
});
export type TalkDue = z.infer<typeof talkDueSchema>;

export const attendanceStatuses = ['present', 'absent'] as const;
export const attendanceSchema = z.object({
  memberId: id,
  status: z.enum(attendanceStatuses),
  reason: z.string(),
});

export const leaderLogSchema = z.object({
  whatHappened: z.string(),
  why: z.string(),
  whatNext: z.string(),
  /** Notes about single members (removed with a member linked to a participant who withdraws). */
  mentions: z.array(z.object({ memberId: id, note: z.string() })),
  updatedAt: z.string().nullable(),
});
export type LeaderLog = z.infer<typeof leaderLogSchema>;

export const sessionDetailSchema = z.object({
  session: sessionSchema,
  groupName: z.string(),
  attendance: z.array(attendanceSchema),
  log: leaderLogSchema,
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const groupDetailSchema = z.object({
  group: groupSummarySchema,
  /** The programme as copied when the group was made (its themes, rule, forms). */
  plan: programmeContentSchema,
  /** Chosen weekdays for a weekly programme (1 = Monday), else []. */
  weekdays: z.array(weekdaySchema),
  startTime: z.string(),
  notes: z.string(),
  sessions: z.array(sessionSchema),
  members: z.array(memberSchema),
  talks: z.array(talkSchema),
  talksDue: z.array(talkDueSchema),
  /** Whether every session has attendance for every member (the course is over). */
  attendanceComplete: z.boolean(),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

// ── Evaluations ─────────────────────────────────────────────────────────────────────────────

export const answerSchema = z.union([z.number().int().min(1).max(5), z.boolean(), z.string().max(4000), z.null()]);
export const evaluationSummarySchema = z.object({
  formKey: z.string(),
  title: bilingualSchema,
  when: z.enum(evaluationTimings),
  /** Per session for forms filled in after each session; null otherwise. */
  sessionId: id.nullable(),
  responses: z.number().int(),
  questions: z.array(
    z.object({
      key: z.string(),
      text: bilingualSchema,
      kind: z.enum(questionKinds),
      answered: z.number().int(),
      /** scale: the mean (1–5); yesNo: the share of yes (0–1); text: null. */
      mean: z.number().nullable(),
      /** text answers, in no particular order (never with who wrote them). */
      texts: z.array(z.string()),
    }),
  ),
});
export type EvaluationSummary = z.infer<typeof evaluationSummarySchema>;

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────

export const createGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    programmeId: id,
    leaders: leadersSchema,
    room: z.string().trim().max(200),
    startDate: isoDateSchema,
    /** For a weekly programme: exactly as many weekdays as sessions a week (1 = Monday). */
    weekdays: z.array(weekdaySchema).max(7),
    /** Defaults to the programme's start time. */
    startTime: localTimeSchema.optional(),
    notes: z.string().max(4000).optional(),
  })
  .strict();
export type CreateGroup = z.infer<typeof createGroupSchema>;

export const updateGroupSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(100),
    leaders: leadersSchema,
    room: z.string().trim().max(200),
    notes: z.string().max(4000),
  })
  .strict();

export const rangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'range', path: ['to'] });

const shiftModes = ['none', 'following'] as const;
export type ShiftMode = (typeof shiftModes)[number];

export const moveSessionSchema = z
  .object({
    id,
    startsAt: localDateTimeSchema,
    minutes: z.number().int().min(15).max(16 * 60).optional(),
    /** `following`: the sessions after it move by the same number of days (their times kept). */
    shift: z.enum(shiftModes),
  })
  .strict();
export type MoveSession = z.infer<typeof moveSessionSchema>;

export const exportLanguageSchema = z.enum(['en', 'nb']);

export const calendarChannels = {
  // Programmes
  'calendar.programmes.list': defineChannel(nothing, z.array(programmeSchema)),
  /** Saves a template's content (built-in ones too: they are editable). */
  'calendar.programmes.save': defineChannel(z.object({ id, content: programmeContentSchema }).strict(), programmeSchema),
  /** A copy to make one's own, with a new name. */
  'calendar.programmes.copy': defineChannel(z.object({ id, name: bilingualSchema }).strict(), programmeSchema),
  /** Refused while a group uses it (`calendar.programmeInUse`). */
  'calendar.programmes.delete': defineChannel(z.object({ id }).strict(), z.object({ deleted: z.literal(true) })),
  'calendar.programmes.setDefault': defineChannel(z.object({ id }).strict(), z.array(programmeSchema)),

  // Groups
  'calendar.groups.list': defineChannel(nothing, z.array(groupSummarySchema)),
  'calendar.groups.get': defineChannel(z.object({ id }).strict(), groupDetailSchema),
  /** Makes the group and its schedule from the programme. */
  'calendar.groups.create': defineChannel(createGroupSchema, groupDetailSchema),
  'calendar.groups.update': defineChannel(updateGroupSchema, groupDetailSchema),
  /** Deletes the group with its sessions, members, attendance, logs and evaluations. */
  'calendar.groups.delete': defineChannel(z.object({ id }).strict(), z.object({ sessions: z.number().int(), members: z.number().int() })),
  /** Sets the theme of every session in order (`null` for none); the length must match the sessions. */
  'calendar.groups.setThemes': defineChannel(
    z.object({ id, themes: z.array(keySchema.nullable()).max(200) }).strict(),
    groupDetailSchema,
  ),

  // Sessions
  /** Every group's sessions between two dates (inclusive), with their conflicts: the month, week and agenda views. */
  'calendar.sessions.inRange': defineChannel(rangeSchema, z.object({ entries: z.array(calendarEntrySchema), groups: z.array(groupSummarySchema) })),
  'calendar.sessions.get': defineChannel(z.object({ id }).strict(), sessionDetailSchema),
  /** What moving a session would flag, without moving it (for dragging). */
  'calendar.sessions.check': defineChannel(
    z.object({ id, startsAt: localDateTimeSchema, minutes: z.number().int().min(15).max(16 * 60).optional() }).strict(),
    z.object({ conflicts: z.array(conflictSchema) }),
  ),
  /** Moves a session, and with `shift: 'following'` the ones after it; themes stay in order. */
  'calendar.sessions.move': defineChannel(moveSessionSchema, groupDetailSchema),
  'calendar.sessions.add': defineChannel(
    z.object({ groupId: id, startsAt: localDateTimeSchema, minutes: z.number().int().min(15).max(16 * 60) }).strict(),
    groupDetailSchema,
  ),
  /** Removes a session with its attendance and log. */
  'calendar.sessions.remove': defineChannel(z.object({ id }).strict(), groupDetailSchema),
  'calendar.sessions.setRoom': defineChannel(z.object({ id, room: z.string().trim().max(200) }).strict(), sessionDetailSchema),

  // Members
  /** Refused when the group is full (`calendar.groupFull`). */
  'calendar.members.add': defineChannel(
    z.object({ groupId: id, label: memberLabelSchema, participantId: id.nullable() }).strict(),
    groupDetailSchema,
  ),
  'calendar.members.update': defineChannel(
    z.object({ id, label: memberLabelSchema, participantId: id.nullable() }).strict(),
    groupDetailSchema,
  ),
  /** Removes a member with their attendance, log notes, talks and linked evaluation answers. */
  'calendar.members.remove': defineChannel(z.object({ id }).strict(), groupDetailSchema),

  // Individual talks
  'calendar.talks.book': defineChannel(
    z.object({ memberId: id, talkKey: keySchema, startsAt: localDateTimeSchema, minutes: z.number().int().min(15).max(16 * 60) }).strict(),
    groupDetailSchema,
  ),
  'calendar.talks.setHeld': defineChannel(z.object({ id, held: z.boolean() }).strict(), groupDetailSchema),
  'calendar.talks.remove': defineChannel(z.object({ id }).strict(), groupDetailSchema),

  // Attendance, log, notes
  /** Sets attendance for some members of one session; `status: null` clears it. */
  'calendar.attendance.set': defineChannel(
    z
      .object({
        sessionId: id,
        entries: z
          .array(
            z
              .object({ memberId: id, status: z.enum(attendanceStatuses).nullable(), reason: z.string().trim().max(500) })
              .strict(),
          )
          .min(1)
          .max(500),
      })
      .strict(),
    sessionDetailSchema,
  ),
  /** The leader's log after a session (what happened, why, what next), notes on the theme, and notes on single members. */
  'calendar.log.save': defineChannel(
    z
      .object({
        sessionId: id,
        whatHappened: z.string().max(20_000),
        why: z.string().max(20_000),
        whatNext: z.string().max(20_000),
        themeNotes: z.string().max(20_000),
        mentions: z.array(z.object({ memberId: id, note: z.string().trim().min(1).max(4000) }).strict()).max(500),
      })
      .strict(),
    sessionDetailSchema,
  ),

  // Evaluations
  /** One filled-in form, stored without a name. `memberId` only to pair before and after. */
  'calendar.evaluations.submit': defineChannel(
    z
      .object({
        groupId: id,
        formKey: keySchema,
        sessionId: id.nullable(),
        memberId: id.nullable(),
        answers: z.record(keySchema, answerSchema),
      })
      .strict(),
    z.object({ responses: z.number().int() }),
  ),
  'calendar.evaluations.summary': defineChannel(z.object({ groupId: id }).strict(), z.array(evaluationSummarySchema)),

  // Exports (written only to the chosen path; the audit trail records ids and counts)
  /** RFC 5545, times in UTC, sessions with theme and room, no member. */
  'calendar.export.ics': defineChannel(
    z.object({ groupId: id, path: absolutePathSchema, language: exportLanguageSchema }).strict(),
    z.object({ path: z.string(), events: z.number().int() }),
  ),
  /** A printable schedule for members (no member names). */
  'calendar.export.schedule': defineChannel(
    z.object({ groupId: id, path: absolutePathSchema, format: z.enum(['pdf', 'docx']), language: exportLanguageSchema }).strict(),
    z.object({ path: z.string(), sessions: z.number().int() }),
  ),
  /** The attendance list for the leaders (XLSX). */
  'calendar.export.attendance': defineChannel(
    z.object({ groupId: id, path: absolutePathSchema, language: exportLanguageSchema }).strict(),
    z.object({ path: z.string(), members: z.number().int(), sessions: z.number().int() }),
  ),
} as const;
