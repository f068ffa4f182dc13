/** Injection token for the Database (Drizzle client and its pool). */
export const DATABASE = Symbol('DATABASE');
