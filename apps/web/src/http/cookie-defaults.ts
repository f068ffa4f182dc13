import type { CookieOptions, NextFunction, Request, Response } from 'express';

/**
 * Every cookie the app sets is httpOnly, SameSite=Lax, signed with SECRET_KEY, and Secure when
 * SESSION_COOKIE_SECURE is true (the rules require it in staging and production); a call may still override.
 */
export function cookieDefaults(
  secure: boolean,
): (request: Request, response: Response, next: NextFunction) => void {
  const defaults: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    path: '/',
  };
  return (_request, response, next) => {
    const setCookie = response.cookie.bind(response);
    response.cookie = ((name: string, value: unknown, options: CookieOptions = {}) =>
      setCookie(name, value, { ...defaults, ...options })) as Response['cookie'];
    next();
  };
}
