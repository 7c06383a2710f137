#!/usr/bin/env node
// Prints the wall config's operator.pinHash for a PIN: node electron/hash-pin.mjs 482913
import { randomBytes, scryptSync } from 'node:crypto';

const pin = process.argv[2] ?? '';
if (!/^\d{4,32}$/.test(pin)) {
  console.error('usage: node electron/hash-pin.mjs <PIN of 4–32 digits>');
  process.exit(2);
}
const salt = randomBytes(16).toString('hex');
console.log(`scrypt:${salt}:${scryptSync(pin, salt, 32).toString('hex')}`);
