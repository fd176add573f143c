import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupPlace } from '../../../server/src/core/geo/cities';
import {
  FIBRE_KM_PER_MS,
  ceilTenth,
  greatCircleKm,
  groupThousands,
  minFibreRttMs,
} from '../../../server/src/core/geo/distance';
import { regionLocation } from '../../../server/src/core/geo/region-location';
import { check } from '../../helpers/check-text';

test('haversine: Mumbai↔Delhi is about 1,148 km, London↔New York about 5,570 km', () => {
  const km = greatCircleKm(lookupPlace('mumbai')!, lookupPlace('delhi')!);
  assert.ok(Math.abs(km - 1148) < 2, String(km));
  const atlantic = greatCircleKm(lookupPlace('london')!, lookupPlace('new_york')!);
  assert.ok(Math.abs(atlantic - 5570) < 10, String(atlantic));
  assert.equal(greatCircleKm({ lat: 10, lon: 20 }, { lat: 10, lon: 20 }), 0);
});

test('the fibre floor is 2 × distance / 200 km per ms', () => {
  assert.equal(FIBRE_KM_PER_MS, 200);
  assert.equal(minFibreRttMs(1000), 10);
  assert.equal(ceilTenth(11.48), 11.5);
  assert.equal(ceilTenth(11.5), 11.5);
  assert.equal(groupThousands(1148.4), '1,148');
  assert.equal(groupThousands(12345678), '12,345,678');
});

test('places resolve by city, alias and cloud region, case- and dash-insensitively', () => {
  assert.deepEqual(lookupPlace('Bengaluru'), lookupPlace('bangalore'));
  assert.deepEqual(lookupPlace('gurugram'), lookupPlace('gurgaon'));
  assert.equal(lookupPlace('AP-South-1')?.label, 'AWS ap-south-1 (Mumbai)');
  assert.equal(lookupPlace('asia_south2')?.label, 'GCP asia-south2 (Delhi)');
  assert.equal(lookupPlace('centralindia')?.label, 'Azure centralindia (Pune)');
  assert.equal(lookupPlace('mumbai-dc')?.label, 'Mumbai');
  assert.equal(lookupPlace('navi_mumbai_dc')?.label, 'Navi Mumbai');
  assert.equal(lookupPlace('north-1'), undefined);
  for (const n of [
    'chennai',
    'kolkata',
    'hyderabad',
    'pune',
    'singapore',
    'london',
    'tokyo',
    'frankfurt',
    'virginia',
    'us-east-1',
    'eu-west-1',
    'southeastasia',
  ])
    assert.ok(lookupPlace(n), n);
});

test('a region is located by coordinates, else city, else its own name', () => {
  const { model } = check(`topology t {
  region a { coordinates 12.5, -7.25 city mumbai }
  region b { city Delhi }
  region chennai
  region nowhere
}`);
  const regions = model.topologies.get('t')!.regions;
  assert.deepEqual(regionLocation(regions.get('a')!), {
    lat: 12.5,
    lon: -7.25,
    label: '12.5, -7.25',
    how: 'coordinates',
  });
  assert.equal(regionLocation(regions.get('b')!)?.how, 'city');
  assert.equal(regionLocation(regions.get('chennai')!)?.label, 'Chennai');
  assert.equal(regionLocation(regions.get('nowhere')!), undefined);
});
