// Coordinates of the cities the source names (digest §4.4 and its named-topologies table) and of the
// common cloud regions, so link round trips can be compared with what light in fibre allows.
// City centres to ~0.01° (public gazetteer values); a cloud region sits at the metro its provider names.

export interface Place {
  lat: number;
  lon: number;
  /** As shown in messages, e.g. `Mumbai` or `AWS ap-south-1 (Mumbai)`. */
  label: string;
}

/** Cities, keyed by lower-case name with '_' for spaces and hyphens. */
const cities: Record<string, [number, number, string]> = {
  // India: the source's data centres, regional hubs, edges and fulfilment centres (L56–L68, L1131–L1136,
  // L3608–L3614, L3836–L3871, L4713–L4718, L4910–L4923, L5140–L5165, L5483–L5514).
  mumbai: [19.076, 72.8777, 'Mumbai'],
  navi_mumbai: [19.033, 73.0297, 'Navi Mumbai'],
  bhiwandi: [19.2813, 73.0483, 'Bhiwandi'],
  pune: [18.5204, 73.8567, 'Pune'],
  ahmedabad: [23.0225, 72.5714, 'Ahmedabad'],
  jamnagar: [22.4707, 70.0577, 'Jamnagar'],
  delhi: [28.6139, 77.209, 'Delhi'],
  noida: [28.5355, 77.391, 'Noida'],
  gurgaon: [28.4595, 77.0266, 'Gurgaon'],
  manesar: [28.354, 76.94, 'Manesar'],
  chandigarh: [30.7333, 76.7794, 'Chandigarh'],
  lucknow: [26.8467, 80.9462, 'Lucknow'],
  jaipur: [26.9124, 75.7873, 'Jaipur'],
  bangalore: [12.9716, 77.5946, 'Bangalore'],
  whitefield: [12.9698, 77.75, 'Whitefield (Bangalore)'],
  electronic_city: [12.8452, 77.6602, 'Electronic City (Bangalore)'],
  chennai: [13.0827, 80.2707, 'Chennai'],
  hyderabad: [17.385, 78.4867, 'Hyderabad'],
  shamshabad: [17.2403, 78.4294, 'Shamshabad (Hyderabad)'],
  kolkata: [22.5726, 88.3639, 'Kolkata'],
  salt_lake: [22.5804, 88.4183, 'Salt Lake (Kolkata)'],
  rajarhat: [22.62, 88.45, 'Rajarhat (Kolkata)'],
  durgapur: [23.5204, 87.3119, 'Durgapur'],
  bhubaneswar: [20.2961, 85.8245, 'Bhubaneswar'],
  guwahati: [26.1445, 91.7362, 'Guwahati'],
  kochi: [9.9312, 76.2673, 'Kochi'],
  indore: [22.7196, 75.8577, 'Indore'],
  patna: [25.5941, 85.1376, 'Patna'],
  bhopal: [23.2599, 77.4126, 'Bhopal'],
  nagpur: [21.1458, 79.0882, 'Nagpur'],
  surat: [21.1702, 72.8311, 'Surat'],
  coimbatore: [11.0168, 76.9558, 'Coimbatore'],
  visakhapatnam: [17.6868, 83.2185, 'Visakhapatnam'],
  thiruvananthapuram: [8.5241, 76.9366, 'Thiruvananthapuram'],
  // Elsewhere: TCS's global regions (L4392–L4408), the clock-skew incident's Singapore (L582), cloud metros.
  singapore: [1.3521, 103.8198, 'Singapore'],
  london: [51.5074, -0.1278, 'London'],
  new_york: [40.7128, -74.006, 'New York'],
  toronto: [43.6532, -79.3832, 'Toronto'],
  montreal: [45.5019, -73.5674, 'Montreal'],
  cincinnati: [39.1031, -84.512, 'Cincinnati'],
  amsterdam: [52.3676, 4.9041, 'Amsterdam'],
  zurich: [47.3769, 8.5417, 'Zurich'],
  frankfurt: [50.1109, 8.6821, 'Frankfurt'],
  paris: [48.8566, 2.3522, 'Paris'],
  dublin: [53.3498, -6.2603, 'Dublin'],
  stockholm: [59.3293, 18.0686, 'Stockholm'],
  milan: [45.4642, 9.19, 'Milan'],
  sydney: [-33.8688, 151.2093, 'Sydney'],
  melbourne: [-37.8136, 144.9631, 'Melbourne'],
  tokyo: [35.6762, 139.6503, 'Tokyo'],
  osaka: [34.6937, 135.5023, 'Osaka'],
  seoul: [37.5665, 126.978, 'Seoul'],
  hong_kong: [22.3193, 114.1694, 'Hong Kong'],
  taiwan: [24.0518, 120.5161, 'Changhua (Taiwan)'],
  jakarta: [-6.2088, 106.8456, 'Jakarta'],
  dubai: [25.2048, 55.2708, 'Dubai'],
  bahrain: [26.0667, 50.5577, 'Bahrain'],
  sao_paulo: [-23.5505, -46.6333, 'São Paulo'],
  // US data-centre metros: northern Virginia is Ashburn's "data centre alley".
  virginia: [39.0438, -77.4874, 'N. Virginia (Ashburn)'],
  ohio: [39.9612, -82.9988, 'Ohio (Columbus)'],
  california: [37.7749, -122.4194, 'N. California (San Francisco)'],
  oregon: [45.8399, -119.7006, 'Oregon (Boardman)'],
  washington: [47.2343, -119.8526, 'Washington (Quincy)'],
  iowa: [41.2619, -95.8608, 'Iowa (Council Bluffs)'],
  south_carolina: [33.196, -80.0131, 'South Carolina (Moncks Corner)'],
  belgium: [50.449, 3.8187, 'Belgium (St. Ghislain)'],
  netherlands: [53.4386, 6.8355, 'Netherlands (Eemshaven)'],
};

/** Other spellings of the same cities. */
const cityAliases: Record<string, string> = {
  bengaluru: 'bangalore',
  gurugram: 'gurgaon',
  new_delhi: 'delhi',
  bombay: 'mumbai',
  madras: 'chennai',
  calcutta: 'kolkata',
  cochin: 'kochi',
  ernakulam: 'kochi',
  poona: 'pune',
  vizag: 'visakhapatnam',
  trivandrum: 'thiruvananthapuram',
  nyc: 'new_york',
  newyork: 'new_york',
  n_virginia: 'virginia',
  northern_virginia: 'virginia',
  ashburn: 'virginia',
  hongkong: 'hong_kong',
  saopaulo: 'sao_paulo',
};

/** Cloud regions → the city (key of `cities`) they are in, from each provider's published region list. */
const cloudRegions: Record<string, [string, string]> = {
  // AWS
  ap_south_1: ['mumbai', 'AWS'],
  ap_south_2: ['hyderabad', 'AWS'],
  ap_southeast_1: ['singapore', 'AWS'],
  ap_southeast_2: ['sydney', 'AWS'],
  ap_southeast_3: ['jakarta', 'AWS'],
  ap_northeast_1: ['tokyo', 'AWS'],
  ap_northeast_2: ['seoul', 'AWS'],
  ap_northeast_3: ['osaka', 'AWS'],
  ap_east_1: ['hong_kong', 'AWS'],
  us_east_1: ['virginia', 'AWS'],
  us_east_2: ['ohio', 'AWS'],
  us_west_1: ['california', 'AWS'],
  us_west_2: ['oregon', 'AWS'],
  ca_central_1: ['montreal', 'AWS'],
  eu_west_1: ['dublin', 'AWS'],
  eu_west_2: ['london', 'AWS'],
  eu_west_3: ['paris', 'AWS'],
  eu_central_1: ['frankfurt', 'AWS'],
  eu_central_2: ['zurich', 'AWS'],
  eu_north_1: ['stockholm', 'AWS'],
  eu_south_1: ['milan', 'AWS'],
  me_south_1: ['bahrain', 'AWS'],
  me_central_1: ['dubai', 'AWS'],
  sa_east_1: ['sao_paulo', 'AWS'],
  // Google Cloud
  asia_south1: ['mumbai', 'GCP'],
  asia_south2: ['delhi', 'GCP'],
  asia_southeast1: ['singapore', 'GCP'],
  asia_southeast2: ['jakarta', 'GCP'],
  asia_east1: ['taiwan', 'GCP'],
  asia_east2: ['hong_kong', 'GCP'],
  asia_northeast1: ['tokyo', 'GCP'],
  australia_southeast1: ['sydney', 'GCP'],
  us_east1: ['south_carolina', 'GCP'],
  us_east4: ['virginia', 'GCP'],
  us_central1: ['iowa', 'GCP'],
  us_west1: ['oregon', 'GCP'],
  europe_west1: ['belgium', 'GCP'],
  europe_west2: ['london', 'GCP'],
  europe_west3: ['frankfurt', 'GCP'],
  europe_west4: ['netherlands', 'GCP'],
  europe_west6: ['zurich', 'GCP'],
  // Azure
  centralindia: ['pune', 'Azure'],
  southindia: ['chennai', 'Azure'],
  westindia: ['mumbai', 'Azure'],
  jioindiawest: ['jamnagar', 'Azure'],
  jioindiacentral: ['nagpur', 'Azure'],
  southeastasia: ['singapore', 'Azure'],
  eastasia: ['hong_kong', 'Azure'],
  eastus: ['virginia', 'Azure'],
  eastus2: ['virginia', 'Azure'],
  westus: ['california', 'Azure'],
  westus2: ['washington', 'Azure'],
  northeurope: ['dublin', 'Azure'],
  westeurope: ['amsterdam', 'Azure'],
  uksouth: ['london', 'Azure'],
  germanywestcentral: ['frankfurt', 'Azure'],
  switzerlandnorth: ['zurich', 'Azure'],
  japaneast: ['tokyo', 'Azure'],
  australiaeast: ['sydney', 'Azure'],
  canadacentral: ['toronto', 'Azure'],
};

/** Words a data-centre or replica name often ends with (`mumbai-dc`, `delhi_replica`, `navi_mumbai_dc`). */
const roleSuffix =
  /_(dc|datacenter|datacentre|replica|region|cluster|primary|secondary|tertiary|backup|edge|hub|node|site|az\d*|\d+)$/;

/** Lower case, with '-' and ' ' read as '_'. */
export function normalizePlace(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
}

function exact(key: string): Place | undefined {
  const city = cities[cityAliases[key] ?? key];
  if (city) return { lat: city[0], lon: city[1], label: city[2] };
  const cloud = cloudRegions[key];
  if (cloud) {
    const [lat, lon, label] = cities[cloud[0]];
    return { lat, lon, label: `${cloud[1]} ${key.replace(/_/g, '-')} (${label})` };
  }
  return undefined;
}

/**
 * A known place by city, alias or cloud-region name, case-insensitive, '-' and '_' equivalent; role suffixes ignored.
 */
export function lookupPlace(name: string): Place | undefined {
  let key = normalizePlace(name);
  for (;;) {
    const found = exact(key);
    if (found) return found;
    const shorter = key.replace(roleSuffix, '');
    if (shorter === key || shorter === '') return undefined;
    key = shorter;
  }
}

/** Every name `lookupPlace` knows directly (for completion and docs). */
export function knownPlaceNames(): string[] {
  return [...Object.keys(cities), ...Object.keys(cityAliases), ...Object.keys(cloudRegions)].sort();
}
