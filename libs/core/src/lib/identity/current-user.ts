import {
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Principal } from '../http/principal';
import { forbidden, unauthorized } from '../http/problem';
import { ApiProblems } from '../http/openapi';

const principalOf = (context: ExecutionContext): Principal | null =>
  context.switchToHttp().getRequest<FastifyRequest>().principal;

/**
 * The handler parameter that names who asks: how every library's controller gets the principal
 * to hand to its service (never by reading a header). Authentication refuses a request without
 * one before any handler runs; the check here only guards against a route it did not cover.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context);
    if (!principal) throw unauthorized('This request needs a credential.');
    return principal;
  },
);

@Injectable()
class AdministratorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (principalOf(context)?.administrator) return true;
    throw forbidden('Only the administrator may do this.');
  }
}

/**
 * A route for the administrator only: anyone else gets 403 (the route is not someone else's
 * resource, whose existence a 404 would hide, but a function they lack the right to).
 */
export const AdministratorOnly = (): MethodDecorator & ClassDecorator =>
  applyDecorators(UseGuards(AdministratorGuard), ApiProblems(403));
