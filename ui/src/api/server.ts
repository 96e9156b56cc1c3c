// IPC for server mode (src-tauri over zhibiao::client): the sign-in screen chooses this
// computer's database or a shared server, and pins the server's certificate fingerprint.
import type { Changes, MachineSettings, Probe } from '../bindings'
import { call } from './invoke'

/** First contact: the canonical address and the certificate fingerprint to show. */
export const probeServer = (address: string) => call<Probe>('probe_server', { address })

/** Saves the server (and the accepted fingerprint) on this computer; commands go there. */
export const connectServer = (address: string, fingerprint: string | null) =>
  call<MachineSettings>('connect_server', { address, fingerprint })

/** A renewed certificate, accepted by an administrator of the server signing in with it. */
export const acceptRenewedCertificate = (address: string, fingerprint: string, name: string, password: string) =>
  call<MachineSettings>('accept_renewed_certificate', { address, fingerprint, name, password })

/** Back to this computer's own database. */
export const useLocalDatabase = () => call<MachineSettings>('use_local_database')

/** The latest change (grows with every save and workflow step by anyone): polled. */
export const changes = () => call<Changes>('changes')
