/**
 * What a UK council is made of: directorates, their services, the jobs in each
 * and where people work. The first directorates in the list are the ones every
 * council has, so a council with few directorates is still a plausible one.
 */

/** Frontline staff work out and about (lower Microsoft 365 use, more mobile); office staff the reverse. */
export type ServiceKind = "frontline" | "mixed" | "office";

export type LocationKind =
  | "hq"
  | "office"
  | "depot"
  | "care"
  | "school"
  | "library"
  | "leisure"
  | "community"
  | "contact";

export type ServiceTemplate = {
  name: string;
  kind: ServiceKind;
  /** Relative headcount within the directorate. */
  weight: number;
  /** Staff job titles, the commonest first. */
  roles: readonly string[];
  /** Team leaders' job titles. */
  leads: readonly string[];
  locations: readonly LocationKind[];
};

export type DirectorateTemplate = {
  name: string;
  /** Relative headcount within the council. */
  weight: number;
  directorTitle: string;
  services: readonly ServiceTemplate[];
};

export const LOCATIONS: Readonly<Record<LocationKind, readonly string[]>> = {
  hq: ["County Hall", "Civic Centre"],
  office: [
    "Riverside House",
    "Council Offices, Market Street",
    "Station Road Offices",
    "Enterprise House",
    "Home Based",
  ],
  depot: ["Eastern Depot", "Westfield Depot", "Highways Depot, Mill Lane", "Household Waste Recycling Centre"],
  care: ["The Beeches Care Home", "Oak Lodge", "Meadowbank Care Home", "Brookside Day Centre"],
  school: ["Education Centre", "Hillside Primary School", "St Mary's Primary School", "Valley High School"],
  library: ["Central Library", "Northgate Library", "Market Square Library"],
  leisure: ["Riverside Leisure Centre", "Northgate Leisure Centre", "Town Museum", "Country Park Visitor Centre"],
  community: ["Community Hub, High Street", "Family Centre, Park Road", "Youth Centre", "Home Based"],
  contact: ["Customer Contact Centre", "Customer Service Centre, High Street"],
};

/** The chief executive heads the first directorate, which is why it comes first. */
export const DIRECTORATES: readonly DirectorateTemplate[] = [
  {
    name: "Chief Executive's Office",
    weight: 1.5,
    directorTitle: "Chief Executive",
    services: [
      {
        name: "Policy and Performance",
        kind: "office",
        weight: 3,
        roles: [
          "Policy Officer",
          "Performance Analyst",
          "Senior Policy Officer",
          "Data Analyst",
          "Business Support Officer",
        ],
        leads: ["Policy and Performance Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Communications and Marketing",
        kind: "office",
        weight: 2,
        roles: [
          "Communications Officer",
          "Digital Content Officer",
          "Press Officer",
          "Graphic Designer",
          "Marketing Officer",
        ],
        leads: ["Communications Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Democratic and Electoral Services",
        kind: "office",
        weight: 3,
        roles: [
          "Democratic Services Officer",
          "Electoral Services Officer",
          "Committee Clerk",
          "Members' Support Officer",
          "Scrutiny Officer",
        ],
        leads: ["Democratic Services Team Leader", "Electoral Services Manager"],
        locations: ["hq"],
      },
      {
        name: "Emergency Planning",
        kind: "office",
        weight: 1,
        roles: ["Emergency Planning Officer", "Business Continuity Officer", "Resilience Officer"],
        leads: ["Civil Contingencies Team Leader"],
        locations: ["hq", "office"],
      },
    ],
  },
  {
    name: "Resources",
    weight: 9,
    directorTitle: "Corporate Director of Resources",
    services: [
      {
        name: "ICT and Digital",
        kind: "office",
        weight: 3,
        roles: [
          "Service Desk Analyst",
          "Desktop Support Technician",
          "Infrastructure Engineer",
          "Applications Analyst",
          "Network Engineer",
          "Business Analyst",
          "Developer",
          "Project Manager",
          "Cyber Security Analyst",
          "Data Engineer",
        ],
        leads: ["Service Desk Team Leader", "Infrastructure Team Leader", "Applications Team Leader"],
        locations: ["hq", "office"],
      },
      {
        name: "Revenues and Benefits",
        kind: "office",
        weight: 5,
        roles: [
          "Benefits Assessor",
          "Council Tax Officer",
          "Business Rates Officer",
          "Recovery Officer",
          "Revenues Assistant",
          "Benefits Assistant",
          "Visiting Officer",
          "Fraud Investigator",
        ],
        leads: ["Benefits Team Leader", "Council Tax Team Leader", "Recovery Team Leader"],
        locations: ["office", "hq"],
      },
      {
        name: "Finance",
        kind: "office",
        weight: 3,
        roles: [
          "Accountant",
          "Finance Officer",
          "Accounts Payable Assistant",
          "Payroll Officer",
          "Treasury Officer",
          "Finance Business Partner",
          "Accounting Technician",
          "Insurance Officer",
        ],
        leads: ["Principal Accountant", "Payroll Team Leader", "Exchequer Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Human Resources",
        kind: "office",
        weight: 2,
        roles: [
          "HR Advisor",
          "HR Business Partner",
          "HR Assistant",
          "Recruitment Officer",
          "Learning and Development Officer",
          "Occupational Health Advisor",
          "Health and Safety Advisor",
        ],
        leads: ["HR Team Leader", "Learning and Development Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Legal Services",
        kind: "office",
        weight: 1.5,
        roles: [
          "Solicitor",
          "Legal Assistant",
          "Senior Solicitor",
          "Paralegal",
          "Legal Executive",
          "Land Charges Officer",
        ],
        leads: ["Principal Solicitor"],
        locations: ["hq"],
      },
      {
        name: "Procurement",
        kind: "office",
        weight: 1,
        roles: ["Procurement Officer", "Category Manager", "Contracts Officer", "Procurement Assistant"],
        leads: ["Procurement Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Audit and Risk",
        kind: "office",
        weight: 0.8,
        roles: ["Internal Auditor", "Senior Auditor", "Risk Officer", "Counter Fraud Officer"],
        leads: ["Audit Team Leader"],
        locations: ["hq"],
      },
    ],
  },
  {
    name: "Adult Social Care",
    weight: 17,
    directorTitle: "Director of Adult Social Care",
    services: [
      {
        name: "Home Care and Reablement",
        kind: "frontline",
        weight: 6,
        roles: [
          "Home Carer",
          "Reablement Support Worker",
          "Senior Home Carer",
          "Care Coordinator",
          "Occupational Therapist",
          "Rota Coordinator",
        ],
        leads: ["Home Care Team Leader", "Reablement Team Leader"],
        locations: ["community", "office"],
      },
      {
        name: "Residential and Day Services",
        kind: "frontline",
        weight: 4,
        roles: [
          "Care Assistant",
          "Senior Care Assistant",
          "Night Care Assistant",
          "Cook",
          "Domestic Assistant",
          "Activities Coordinator",
          "Day Services Officer",
        ],
        leads: ["Deputy Care Home Manager", "Care Home Manager", "Day Centre Manager"],
        locations: ["care"],
      },
      {
        name: "Assessment and Care Management",
        kind: "mixed",
        weight: 3,
        roles: [
          "Social Worker",
          "Senior Social Worker",
          "Social Care Assessor",
          "Occupational Therapist",
          "Community Care Officer",
          "Business Support Officer",
        ],
        leads: ["Team Manager", "Senior Practitioner"],
        locations: ["office", "hq", "community"],
      },
      {
        name: "Learning Disabilities",
        kind: "mixed",
        weight: 2,
        roles: [
          "Support Worker",
          "Social Worker",
          "Community Support Worker",
          "Transition Worker",
          "Senior Support Worker",
        ],
        leads: ["Learning Disabilities Team Manager"],
        locations: ["community", "care"],
      },
      {
        name: "Mental Health",
        kind: "mixed",
        weight: 1.5,
        roles: [
          "Mental Health Social Worker",
          "Approved Mental Health Professional",
          "Community Psychiatric Nurse",
          "Support Worker",
        ],
        leads: ["Community Mental Health Team Manager"],
        locations: ["community", "office"],
      },
      {
        name: "Safeguarding Adults",
        kind: "office",
        weight: 1,
        roles: ["Safeguarding Officer", "Safeguarding Social Worker", "Best Interests Assessor", "DoLS Administrator"],
        leads: ["Safeguarding Team Manager"],
        locations: ["hq"],
      },
      {
        name: "Adult Commissioning",
        kind: "office",
        weight: 1,
        roles: [
          "Commissioning Officer",
          "Brokerage Officer",
          "Contract Monitoring Officer",
          "Quality Assurance Officer",
        ],
        leads: ["Commissioning Team Leader"],
        locations: ["hq"],
      },
    ],
  },
  {
    name: "Children's Services",
    weight: 12,
    directorTitle: "Director of Children's Services",
    services: [
      {
        name: "Children's Social Work",
        kind: "mixed",
        weight: 4,
        roles: [
          "Social Worker",
          "Senior Social Worker",
          "Newly Qualified Social Worker",
          "Family Support Worker",
          "Contact Worker",
          "Business Support Officer",
        ],
        leads: ["Team Manager", "Senior Practitioner", "Practice Lead"],
        locations: ["office", "community"],
      },
      {
        name: "Fostering and Adoption",
        kind: "mixed",
        weight: 1.5,
        roles: [
          "Supervising Social Worker",
          "Adoption Social Worker",
          "Fostering Recruitment Officer",
          "Family Finding Officer",
        ],
        leads: ["Fostering Team Manager", "Adoption Team Manager"],
        locations: ["office"],
      },
      {
        name: "Early Help and Family Support",
        kind: "mixed",
        weight: 2.5,
        roles: [
          "Family Support Worker",
          "Early Help Practitioner",
          "Parenting Practitioner",
          "Youth Worker",
          "Family Information Officer",
        ],
        leads: ["Early Help Team Leader", "Family Centre Manager"],
        locations: ["community"],
      },
      {
        name: "Children's Residential Services",
        kind: "frontline",
        weight: 2,
        roles: ["Residential Care Worker", "Senior Residential Care Worker", "Night Support Worker", "Cook"],
        leads: ["Children's Home Manager", "Deputy Home Manager"],
        locations: ["care"],
      },
      {
        name: "Youth Justice",
        kind: "mixed",
        weight: 1,
        roles: [
          "Youth Justice Officer",
          "Case Manager",
          "Restorative Justice Worker",
          "Education and Training Officer",
        ],
        leads: ["Youth Justice Team Leader"],
        locations: ["community", "office"],
      },
      {
        name: "Safeguarding and Quality Assurance",
        kind: "office",
        weight: 1,
        roles: [
          "Independent Reviewing Officer",
          "Child Protection Chair",
          "Quality Assurance Officer",
          "Local Authority Designated Officer",
        ],
        leads: ["Safeguarding Team Manager"],
        locations: ["hq"],
      },
    ],
  },
  {
    name: "Environment",
    weight: 9,
    directorTitle: "Director of Environment",
    services: [
      {
        name: "Waste and Recycling",
        kind: "frontline",
        weight: 4,
        roles: [
          "Refuse Loader",
          "HGV Driver",
          "Recycling Operative",
          "Waste Collection Operative",
          "Recycling Centre Operative",
          "Waste Education Officer",
          "Route Planner",
        ],
        leads: ["Waste Collection Supervisor", "Chargehand"],
        locations: ["depot"],
      },
      {
        name: "Street Cleansing",
        kind: "frontline",
        weight: 2,
        roles: [
          "Street Cleansing Operative",
          "Mechanical Sweeper Driver",
          "Litter Picker",
          "Environmental Enforcement Officer",
        ],
        leads: ["Street Cleansing Supervisor"],
        locations: ["depot"],
      },
      {
        name: "Parks and Grounds Maintenance",
        kind: "frontline",
        weight: 2,
        roles: ["Grounds Maintenance Operative", "Gardener", "Tree Surgeon", "Park Ranger", "Arboricultural Officer"],
        leads: ["Grounds Maintenance Supervisor", "Chargehand"],
        locations: ["depot", "leisure"],
      },
      {
        name: "Fleet Services",
        kind: "frontline",
        weight: 1,
        roles: ["Vehicle Technician", "HGV Mechanic", "Fleet Administrator", "Workshop Assistant"],
        leads: ["Workshop Supervisor"],
        locations: ["depot"],
      },
      {
        name: "Bereavement Services",
        kind: "frontline",
        weight: 0.6,
        roles: ["Cemetery Operative", "Crematorium Technician", "Bereavement Services Officer", "Chapel Attendant"],
        leads: ["Bereavement Services Supervisor"],
        locations: ["depot", "office"],
      },
    ],
  },
  {
    name: "Education",
    weight: 9,
    directorTitle: "Director of Education",
    services: [
      {
        name: "School Catering",
        kind: "frontline",
        weight: 3,
        roles: ["Catering Assistant", "Kitchen Assistant", "Assistant Cook", "Cook in Charge", "Catering Supervisor"],
        leads: ["Area Catering Supervisor"],
        locations: ["school"],
      },
      {
        name: "Special Educational Needs and Inclusion",
        kind: "mixed",
        weight: 2,
        roles: [
          "SEN Caseworker",
          "Specialist Teacher",
          "Educational Psychologist",
          "Inclusion Officer",
          "Portage Worker",
          "Speech and Language Assistant",
        ],
        leads: ["SEN Team Leader", "Principal Educational Psychologist"],
        locations: ["school", "office"],
      },
      {
        name: "School Improvement",
        kind: "office",
        weight: 1.5,
        roles: ["School Improvement Adviser", "Education Officer", "Data Officer", "Governor Support Officer"],
        leads: ["Principal School Improvement Officer"],
        locations: ["hq", "school"],
      },
      {
        name: "Home to School Transport",
        kind: "frontline",
        weight: 1.5,
        roles: ["Passenger Assistant", "Minibus Driver", "Transport Officer", "Route Planner"],
        leads: ["Transport Team Leader"],
        locations: ["depot", "office"],
      },
      {
        name: "Early Years and Childcare",
        kind: "mixed",
        weight: 1,
        roles: ["Early Years Officer", "Nursery Practitioner", "Childcare Development Officer"],
        leads: ["Early Years Team Leader"],
        locations: ["community", "school"],
      },
      {
        name: "School Admissions",
        kind: "office",
        weight: 0.8,
        roles: ["Admissions Officer", "Admissions Assistant", "Appeals Clerk"],
        leads: ["Admissions Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Education Welfare",
        kind: "mixed",
        weight: 0.8,
        roles: ["Education Welfare Officer", "Attendance Officer", "Child Employment Officer"],
        leads: ["Education Welfare Team Leader"],
        locations: ["school", "office"],
      },
    ],
  },
  {
    name: "Housing",
    weight: 7,
    directorTitle: "Director of Housing",
    services: [
      {
        name: "Housing Repairs and Maintenance",
        kind: "frontline",
        weight: 3,
        roles: [
          "Multi-Skilled Operative",
          "Electrician",
          "Plumber",
          "Joiner",
          "Gas Engineer",
          "Repairs Planner",
          "Surveyor",
          "Apprentice Operative",
        ],
        leads: ["Repairs Supervisor", "Clerk of Works"],
        locations: ["depot"],
      },
      {
        name: "Housing Options and Homelessness",
        kind: "mixed",
        weight: 2,
        roles: [
          "Housing Options Officer",
          "Homelessness Prevention Officer",
          "Housing Support Worker",
          "Temporary Accommodation Officer",
          "Housing Solutions Adviser",
        ],
        leads: ["Housing Options Team Leader"],
        locations: ["office", "contact"],
      },
      {
        name: "Tenancy and Estate Management",
        kind: "mixed",
        weight: 2,
        roles: [
          "Housing Officer",
          "Income Officer",
          "Estate Caretaker",
          "Tenancy Enforcement Officer",
          "Tenant Participation Officer",
          "Sheltered Housing Warden",
        ],
        leads: ["Neighbourhood Housing Team Leader"],
        locations: ["office", "community"],
      },
      {
        name: "Private Sector Housing",
        kind: "mixed",
        weight: 0.7,
        roles: [
          "Housing Standards Officer",
          "Disabled Facilities Grants Officer",
          "Empty Homes Officer",
          "HMO Licensing Officer",
        ],
        leads: ["Private Sector Housing Team Leader"],
        locations: ["office"],
      },
    ],
  },
  {
    name: "Highways and Transport",
    weight: 6,
    directorTitle: "Director of Highways and Transport",
    services: [
      {
        name: "Highways Maintenance",
        kind: "frontline",
        weight: 3,
        roles: [
          "Highways Operative",
          "Highway Inspector",
          "Gully Tanker Driver",
          "Gritter Driver",
          "Street Lighting Electrician",
        ],
        leads: ["Highways Supervisor", "Highways Chargehand"],
        locations: ["depot"],
      },
      {
        name: "Highways Engineering and Design",
        kind: "office",
        weight: 1,
        roles: [
          "Civil Engineer",
          "Senior Engineer",
          "Technician Engineer",
          "Drainage Engineer",
          "Flood Risk Officer",
          "Bridge Engineer",
        ],
        leads: ["Principal Engineer"],
        locations: ["office"],
      },
      {
        name: "Traffic and Road Safety",
        kind: "mixed",
        weight: 1,
        roles: [
          "Traffic Engineer",
          "School Crossing Patrol",
          "Road Safety Officer",
          "Traffic Technician",
          "Street Works Coordinator",
        ],
        leads: ["Traffic Management Team Leader"],
        locations: ["office", "depot"],
      },
      {
        name: "Parking Services",
        kind: "frontline",
        weight: 1,
        roles: [
          "Civil Enforcement Officer",
          "Parking Services Officer",
          "Parking Appeals Officer",
          "Car Park Attendant",
        ],
        leads: ["Parking Enforcement Supervisor"],
        locations: ["office", "depot"],
      },
      {
        name: "Public Transport",
        kind: "office",
        weight: 0.6,
        roles: ["Public Transport Officer", "Concessionary Travel Officer", "Bus Network Planner"],
        leads: ["Passenger Transport Team Leader"],
        locations: ["office"],
      },
    ],
  },
  {
    name: "Planning and Regulatory Services",
    weight: 4,
    directorTitle: "Director of Planning and Regulatory Services",
    services: [
      {
        name: "Development Management",
        kind: "office",
        weight: 1.5,
        roles: [
          "Planning Officer",
          "Senior Planning Officer",
          "Planning Technician",
          "Planning Enforcement Officer",
          "Conservation Officer",
          "Tree Officer",
        ],
        leads: ["Development Management Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Environmental Health",
        kind: "mixed",
        weight: 1.2,
        roles: [
          "Environmental Health Officer",
          "Food Safety Officer",
          "Pest Control Officer",
          "Pollution Control Officer",
          "Animal Welfare Officer",
          "Dog Warden",
        ],
        leads: ["Environmental Health Team Leader"],
        locations: ["office"],
      },
      {
        name: "Building Control",
        kind: "mixed",
        weight: 0.7,
        roles: ["Building Control Surveyor", "Building Control Technician", "Dangerous Structures Officer"],
        leads: ["Building Control Team Leader"],
        locations: ["office"],
      },
      {
        name: "Trading Standards",
        kind: "mixed",
        weight: 0.7,
        roles: ["Trading Standards Officer", "Fair Trading Officer", "Metrology Officer", "Animal Health Officer"],
        leads: ["Trading Standards Team Leader"],
        locations: ["office"],
      },
      {
        name: "Planning Policy",
        kind: "office",
        weight: 0.6,
        roles: ["Planning Policy Officer", "GIS Officer", "Heritage Officer"],
        leads: ["Planning Policy Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Licensing",
        kind: "office",
        weight: 0.5,
        roles: ["Licensing Officer", "Licensing Enforcement Officer", "Licensing Assistant"],
        leads: ["Licensing Team Leader"],
        locations: ["hq"],
      },
    ],
  },
  {
    name: "Communities",
    weight: 4,
    directorTitle: "Director of Communities",
    services: [
      {
        name: "Libraries",
        kind: "frontline",
        weight: 2,
        roles: [
          "Library Assistant",
          "Senior Library Assistant",
          "Librarian",
          "Mobile Library Driver",
          "Digital Inclusion Officer",
          "Stock Officer",
        ],
        leads: ["Library Manager", "Branch Librarian"],
        locations: ["library"],
      },
      {
        name: "Community Safety",
        kind: "mixed",
        weight: 1,
        roles: [
          "Community Safety Officer",
          "Anti-Social Behaviour Officer",
          "CCTV Operator",
          "Community Warden",
          "Domestic Abuse Coordinator",
        ],
        leads: ["Community Safety Team Leader"],
        locations: ["office", "community"],
      },
      {
        name: "Community Development",
        kind: "mixed",
        weight: 0.8,
        roles: [
          "Community Development Officer",
          "Community Engagement Officer",
          "Volunteer Coordinator",
          "Grants Officer",
          "Equalities Officer",
        ],
        leads: ["Community Development Team Leader"],
        locations: ["community"],
      },
      {
        name: "Registration Services",
        kind: "office",
        weight: 0.6,
        roles: ["Registrar", "Deputy Registrar", "Celebrant", "Registration Assistant"],
        leads: ["Superintendent Registrar"],
        locations: ["office"],
      },
    ],
  },
  {
    name: "Customer Services",
    weight: 3,
    directorTitle: "Director of Customer Services",
    services: [
      {
        name: "Contact Centre",
        kind: "office",
        weight: 2,
        roles: [
          "Customer Service Adviser",
          "Senior Customer Service Adviser",
          "Webchat Adviser",
          "Telephony Officer",
          "Quality Assurance Officer",
        ],
        leads: ["Contact Centre Team Leader"],
        locations: ["contact"],
      },
      {
        name: "Customer Service Centres",
        kind: "frontline",
        weight: 1,
        roles: ["Customer Service Adviser", "Receptionist", "Cashier", "Concierge"],
        leads: ["Customer Service Centre Supervisor"],
        locations: ["contact", "hq"],
      },
      {
        name: "Complaints and Information Governance",
        kind: "office",
        weight: 0.7,
        roles: [
          "Complaints Officer",
          "Information Governance Officer",
          "Freedom of Information Officer",
          "Data Protection Officer",
          "Records Officer",
        ],
        leads: ["Information Governance Team Leader"],
        locations: ["hq"],
      },
    ],
  },
  {
    name: "Culture and Leisure",
    weight: 5,
    directorTitle: "Director of Culture and Leisure",
    services: [
      {
        name: "Leisure Centres",
        kind: "frontline",
        weight: 3,
        roles: [
          "Leisure Assistant",
          "Lifeguard",
          "Swimming Teacher",
          "Fitness Instructor",
          "Receptionist",
          "Sports Development Officer",
        ],
        leads: ["Duty Manager", "Leisure Centre Manager"],
        locations: ["leisure"],
      },
      {
        name: "Countryside and Rights of Way",
        kind: "frontline",
        weight: 0.8,
        roles: ["Countryside Ranger", "Rights of Way Officer", "Countryside Warden", "Access Officer"],
        leads: ["Senior Ranger"],
        locations: ["leisure", "depot"],
      },
      {
        name: "Museums and Heritage",
        kind: "mixed",
        weight: 0.8,
        roles: ["Museum Assistant", "Curator", "Collections Officer", "Archivist", "Learning Officer"],
        leads: ["Museums Manager"],
        locations: ["leisure"],
      },
      {
        name: "Arts and Events",
        kind: "mixed",
        weight: 0.7,
        roles: ["Events Officer", "Arts Development Officer", "Theatre Technician", "Box Office Assistant"],
        leads: ["Events Team Leader"],
        locations: ["leisure", "office"],
      },
    ],
  },
  {
    name: "Public Health",
    weight: 1.5,
    directorTitle: "Director of Public Health",
    services: [
      {
        name: "Health Improvement",
        kind: "office",
        weight: 1,
        roles: [
          "Health Improvement Practitioner",
          "Public Health Officer",
          "Stop Smoking Adviser",
          "Healthy Schools Officer",
        ],
        leads: ["Health Improvement Team Leader"],
        locations: ["office"],
      },
      {
        name: "Health Protection",
        kind: "office",
        weight: 0.6,
        roles: [
          "Health Protection Officer",
          "Public Health Analyst",
          "Infection Control Nurse",
          "Consultant in Public Health",
        ],
        leads: ["Health Protection Lead"],
        locations: ["office"],
      },
      {
        name: "Substance Misuse",
        kind: "mixed",
        weight: 0.6,
        roles: ["Substance Misuse Worker", "Outreach Worker", "Recovery Worker", "Commissioning Officer"],
        leads: ["Substance Misuse Team Leader"],
        locations: ["community"],
      },
    ],
  },
  {
    name: "Economy and Regeneration",
    weight: 2.5,
    directorTitle: "Director of Economy and Regeneration",
    services: [
      {
        name: "Economic Development",
        kind: "office",
        weight: 1,
        roles: [
          "Economic Development Officer",
          "Business Support Adviser",
          "Inward Investment Officer",
          "Funding Officer",
        ],
        leads: ["Economic Development Team Leader"],
        locations: ["hq"],
      },
      {
        name: "Regeneration Projects",
        kind: "office",
        weight: 1,
        roles: ["Regeneration Officer", "Project Officer", "Town Centre Manager", "Programme Manager"],
        leads: ["Regeneration Team Leader"],
        locations: ["hq", "office"],
      },
      {
        name: "Employment and Skills",
        kind: "mixed",
        weight: 1,
        roles: ["Employment Mentor", "Skills Adviser", "Job Coach", "Apprenticeship Coordinator"],
        leads: ["Employment Support Team Leader"],
        locations: ["community"],
      },
      {
        name: "Tourism and Destination",
        kind: "office",
        weight: 0.5,
        roles: ["Tourism Officer", "Visitor Information Assistant", "Destination Marketing Officer"],
        leads: ["Tourism Team Leader"],
        locations: ["office", "leisure"],
      },
    ],
  },
  {
    name: "Property and Assets",
    weight: 3.5,
    directorTitle: "Director of Property and Assets",
    services: [
      {
        name: "Facilities Management",
        kind: "frontline",
        weight: 2,
        roles: ["Cleaner", "Caretaker", "Facilities Assistant", "Porter", "Security Officer", "Maintenance Operative"],
        leads: ["Facilities Supervisor", "Cleaning Supervisor"],
        locations: ["hq", "office", "school"],
      },
      {
        name: "Estates and Valuation",
        kind: "office",
        weight: 0.7,
        roles: ["Estates Surveyor", "Valuer", "Asset Management Officer", "Estates Assistant"],
        leads: ["Principal Estates Surveyor"],
        locations: ["hq"],
      },
      {
        name: "Building Design and Capital Projects",
        kind: "office",
        weight: 0.7,
        roles: [
          "Architect",
          "Quantity Surveyor",
          "Building Surveyor",
          "Project Manager",
          "CAD Technician",
          "Mechanical and Electrical Engineer",
        ],
        leads: ["Principal Architect", "Capital Projects Team Leader"],
        locations: ["office"],
      },
      {
        name: "Energy and Sustainability",
        kind: "office",
        weight: 0.4,
        roles: ["Energy Officer", "Sustainability Officer", "Climate Change Officer", "Carbon Reduction Officer"],
        leads: ["Energy Team Leader"],
        locations: ["office"],
      },
    ],
  },
];

/** Service names are unique across the council, so a user's serviceName finds its template. */
export const SERVICE_TEMPLATES: ReadonlyMap<string, ServiceTemplate> = new Map(
  DIRECTORATES.flatMap((directorate) => directorate.services.map((service) => [service.name, service] as const)),
);

/** Title of a manager between a service manager and the team leaders, in services too big for one level. */
export const MIDDLE_MANAGER_TITLES: Readonly<Record<ServiceKind, string>> = {
  frontline: "Area Manager",
  mixed: "Operations Manager",
  office: "Senior Manager",
};

/** "Waste and Recycling" → "WasteAndRecycling", as SharePoint site URLs are usually named. */
export function pascalName(name: string): string {
  return name
    .replace(/'/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** "Children's Social Work" → "childrens-social-work": stable ids that read well in logs. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
