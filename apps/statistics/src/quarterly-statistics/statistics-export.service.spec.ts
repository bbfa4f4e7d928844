import { pseudonymOf } from './statistics-export.service';

describe('pseudonyms for exports (handbook §9.3: person id → HMAC keyed per project)', () => {
  const secret = 'k'.repeat(32);

  it('is HMAC-SHA256 of the ident under the project key HMAC-SHA256(secret, "syfo-statistics-export:" + project)', () => {
    // Worked out with openssl: the project key with `dgst -sha256 -hmac`, then the ident under it with `-macopt hexkey:`.
    expect(pseudonymOf(secret, 'eval-2026', '01019012480')).toBe('4b50e82e9b2de539625a10083dbcc8b4b4869eb1a2c79c33797e05e83250a6e9');
    expect(pseudonymOf(secret, 'other-project', '01019012480')).toBe('2fecddf473f4abc895330fc364bb8b4a0666761b20ef76587cbace3e4f6a177f');
  });

  it('is stable within a project, different across projects and persons, and depends on the secret', () => {
    expect(pseudonymOf(secret, 'eval-2026', '01019012480')).toBe(pseudonymOf(secret, 'eval-2026', '01019012480'));
    expect(pseudonymOf(secret, 'eval-2026', '01019012480')).not.toBe(pseudonymOf(secret, 'eval-2026', '01019012561'));
    expect(pseudonymOf('j'.repeat(32), 'eval-2026', '01019012480')).not.toBe(pseudonymOf(secret, 'eval-2026', '01019012480'));
  });
});
