import type { participantChannels } from '../../../shared/participants/contract.js';
import { recordAudit } from '../audit/audit.js';
import type { Handler } from '../router.js';
import type { StudySession } from '../study/session.js';
import { addAttribute, deleteAttribute, listAttributes, moveAttribute, setAttributeValues, updateAttribute, valuesOf } from './attributes.js';
import { deleteAllIdentity, identityDeletedAt, participantsWithIdentity, readIdentity, writeIdentity } from './identity.js';
import {
  addParticipant,
  listParticipants,
  nextPseudonym,
  renameParticipant,
  requireParticipant,
  setParticipantStatus,
} from './participants.js';

type ParticipantHandlers = { [C in keyof typeof participantChannels]: Handler<C> };

/** The participant register, identifying details and attributes. Audit details are ids and kinds only. */
export function participantHandlers(session: StudySession): ParticipantHandlers {
  const db = () => session.require().db;
  const detail = (id: number) =>
    db().read((reader) => ({ participant: requireParticipant(reader, id), values: valuesOf(reader, id) }));
  return {
    'participants.list': () => db().read(listParticipants),
    'participants.get': ({ id }) => detail(id),
    'participants.nextPseudonym': () => ({ pseudonym: db().read(nextPseudonym) }),
    'participants.add': (input) =>
      db().write((writer) => {
        const participant = addParticipant(writer, input);
        recordAudit(writer, 'participant.added', { participant: participant.id, status: participant.status });
        return participant;
      }),
    'participants.rename': ({ id, pseudonym }) =>
      db().write((writer) => {
        const participant = renameParticipant(writer, id, pseudonym);
        recordAudit(writer, 'participant.pseudonymChanged', { participant: id });
        return participant;
      }),
    'participants.setStatus': ({ id, status, on }) =>
      db().write((writer) => {
        const participant = setParticipantStatus(writer, id, status, on);
        recordAudit(writer, 'participant.statusChanged', { participant: id, status });
        return participant;
      }),
    'participants.setValues': ({ id, values }) => {
      db().write((writer) => setAttributeValues(writer, id, values));
      return detail(id);
    },
    'participants.identity': ({ id }) =>
      // A write, so the viewing is recorded in the same step as the reading.
      db().write((writer) => {
        const identity = readIdentity(writer, id);
        recordAudit(writer, 'participant.identityViewed', { participant: id });
        return identity;
      }),
    'participants.updateIdentity': ({ id, identity }) =>
      db().write((writer) => {
        const stored = writeIdentity(writer, id, identity);
        recordAudit(writer, 'participant.identityChanged', { participant: id });
        return stored;
      }),
    'participants.identityStatus': () =>
      db().read((reader) => ({ deletedAt: identityDeletedAt(reader), participantsWithDetails: participantsWithIdentity(reader) })),
    'participants.deleteAllIdentity': () =>
      db().write((writer) => {
        const result = deleteAllIdentity(writer);
        recordAudit(writer, 'participant.identityDeletedAll', { count: result.count });
        return result;
      }),
    'attributes.list': () => db().read(listAttributes),
    'attributes.add': (input) =>
      db().write((writer) => {
        addAttribute(writer, input);
        return listAttributes(writer);
      }),
    'attributes.update': (input) =>
      db().write((writer) => {
        updateAttribute(writer, input);
        return listAttributes(writer);
      }),
    'attributes.move': ({ id, direction }) =>
      db().write((writer) => {
        moveAttribute(writer, id, direction);
        return listAttributes(writer);
      }),
    'attributes.delete': ({ id }) =>
      db().write((writer) => {
        const values = deleteAttribute(writer, id);
        recordAudit(writer, 'attribute.deleted', { attribute: id, values });
        return listAttributes(writer);
      }),
  };
}
