export { default } from '@repo/testing/compose-global-setup';
