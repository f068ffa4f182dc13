import { Inject } from '@nestjs/common';

/** Injection token for the validated, frozen Config object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** `constructor(@InjectConfig() private readonly config: Config)` */
export const InjectConfig = (): PropertyDecorator & ParameterDecorator => Inject(APP_CONFIG);
