/**
 * The council's people in their line-management tree: the chief executive,
 * a director per directorate, a manager per service, then teams. Big services
 * get middle managers so that nobody manages more than a dozen people.
 */

import { jobTitleFrom, locationFrom, makePerson, type PeopleContext, type Placement } from "./people";
import { type DirectorateTemplate, LOCATIONS, MIDDLE_MANAGER_TITLES, type ServiceTemplate, slug } from "./structure";
import type { CouncilUser, Directorate } from "./types";

export type Organisation = { directorates: Directorate[]; users: CouncilUser[] };

const MAX_SPAN = 12;

/**
 * templates[0] is the chief executive's own directorate. createdDay draws the
 * day each account was created.
 */
export function buildOrganisation(
  context: PeopleContext,
  templates: readonly DirectorateTemplate[],
  staff: number,
  createdDay: () => number,
): Organisation {
  const { random } = context;
  const users: CouncilUser[] = [];
  const add = (placement: Placement, officeLocation: string): CouncilUser => {
    const user = makePerson(context, placement, officeLocation, createdDay(), 1);
    users.push(user);
    return user;
  };

  const addTeam = (
    manager: CouncilUser,
    directorate: DirectorateTemplate,
    service: ServiceTemplate,
    count: number,
  ): void => {
    const placement = (jobTitle: string, managerId: string, leader: boolean): Placement => ({
      directorateId: manager.directorateId,
      department: directorate.name,
      serviceId: manager.serviceId,
      template: service,
      jobTitle,
      managerId,
      leader,
    });
    if (count <= MAX_SPAN) {
      for (let i = 0; i < count; i++) {
        // Most of a team works where its leader does.
        const location = random.chance(0.8) ? manager.officeLocation : locationFrom(random, service);
        add(placement(jobTitleFrom(random, service.roles), manager.id, false), location);
      }
      return;
    }
    const span = random.int(5, MAX_SPAN);
    const leaders = Math.min(MAX_SPAN, Math.max(2, Math.round(count / (span + 1))));
    const teamSizes = apportion(
      count - leaders,
      Array.from({ length: leaders }, () => random.between(0.8, 1.2)),
      0,
    );
    for (const size of teamSizes) {
      const title = size > MAX_SPAN ? MIDDLE_MANAGER_TITLES[service.kind] : jobTitleFrom(random, service.leads);
      const leader = add(placement(title, manager.id, true), locationFrom(random, service));
      addTeam(leader, directorate, service, size);
    }
  };

  const headcounts = apportion(
    staff,
    templates.map((template) => template.weight * random.between(0.85, 1.15)),
    2,
  );
  let chiefExecutiveId: string | null = null;
  const directorates = templates.map((template, index): Directorate => {
    const headcount = headcounts[index] ?? 2;
    const directorateId = `dir-${slug(template.name)}`;
    // A small directorate keeps only its first (most essential) services, one manager each at least.
    const kept = template.services.slice(0, Math.min(template.services.length, headcount - 1));
    const serviceHeadcounts = apportion(
      headcount - 1,
      kept.map((service) => service.weight * random.between(0.8, 1.25)),
      1,
    );
    const serviceIdOf = (service: ServiceTemplate) => `svc-${slug(service.name)}`;
    const placementIn = (service: ServiceTemplate, jobTitle: string, managerId: string | null): Placement => ({
      directorateId,
      department: template.name,
      serviceId: serviceIdOf(service),
      template: service,
      jobTitle,
      managerId,
      leader: true,
    });
    const firstService = kept[0];
    if (!firstService) throw new RangeError(`directorate ${template.name} has no staff`);

    // The director sits in the directorate's first service for Graph's division field.
    const head = add(placementIn(firstService, template.directorTitle, chiefExecutiveId), random.pick(LOCATIONS.hq));
    chiefExecutiveId ??= head.id;
    const services = kept.map((service, serviceIndex) => {
      const manager = add(placementIn(service, `Head of ${service.name}`, head.id), locationFrom(random, service));
      addTeam(manager, template, service, (serviceHeadcounts[serviceIndex] ?? 1) - 1);
      return { id: serviceIdOf(service), directorateId, name: service.name, managerUserId: manager.id };
    });
    return { id: directorateId, name: template.name, headUserId: head.id, services };
  });
  return { directorates, users };
}

/**
 * Splits total into whole shares proportional to weights, each at least
 * minimum (largest remainder, so the shares always add up to total).
 */
function apportion(total: number, weights: readonly number[], minimum: number): number[] {
  const spare = total - minimum * weights.length;
  if (spare < 0) throw new RangeError(`cannot split ${total} into ${weights.length} shares of at least ${minimum}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (sum > 0 ? (weight / sum) * spare : spare / weights.length));
  const shares = exact.map((share) => minimum + Math.floor(share));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left--;
  }
  return shares;
}
