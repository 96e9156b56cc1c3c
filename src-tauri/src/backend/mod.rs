//! The seam between the commands and the engine. A command turns its arguments into a
//! [`Call`] (plain data, serialisable) and hands it to the [`Backend`] the app holds: the
//! local engine ([`Local`]), or a remote one that sends the call's name and arguments to a
//! server and reads the JSON reply — the same commands either way. Most calls are the
//! engine's command table (`zhibiao::api::commands`), which the server runs too; the few
//! declared here with [`call!`] are about this machine (its database file, its sign-in).
//!
//! Calls run on a blocking thread, never on the main thread, so the window never waits for
//! the database or for rendering.

mod local;
mod remote;

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use zhibiao::api::commands::Command;
use zhibiao::api::{ApiError, ErrorCode};

pub use local::Local;
pub use remote::Remote;

/// One use case invocation, as data.
pub trait Call: Serialize + Send + 'static {
    /// Stable name (the IPC command's name).
    const NAME: &'static str;
    type Output: Serialize + DeserializeOwned + Send + 'static;
    /// Runs the call on an engine that holds the database. Long work (rendering) must
    /// happen after the database lock is released.
    fn run(self, engine: &Local) -> Result<Self::Output, ApiError>;
}

/// A [`Call`] with its type erased, so that [`Backend`] can be a trait object.
pub trait AnyCall: Send {
    fn name(&self) -> &'static str;
    /// The arguments, as a remote backend would send them.
    fn args(&self) -> Result<serde_json::Value, ApiError>;
    /// Runs the call in this process; the output is kept until taken.
    fn run_on(&mut self, engine: &Local) -> Result<(), ApiError>;
    /// The output as JSON (what a server would answer).
    fn output_json(&mut self) -> Result<serde_json::Value, ApiError>;
    /// Sets the output from JSON (what a remote backend received).
    fn set_output_json(&mut self, json: serde_json::Value) -> Result<(), ApiError>;
}

/// Every command of the engine's table is a call.
impl<C: Command> Call for C {
    const NAME: &'static str = <C as Command>::NAME;
    type Output = <C as Command>::Output;
    fn run(self, engine: &Local) -> Result<Self::Output, ApiError> {
        Command::run(self, engine)
    }
}

/// Where the calls run.
pub trait Backend: Send + Sync + 'static {
    /// Runs `call` and leaves its output in it.
    fn run(&self, call: &mut dyn AnyCall) -> Result<(), ApiError>;
}

struct Slot<C: Call> {
    call: Option<C>,
    output: Option<C::Output>,
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("数据传输出错：{e}"))
}

fn missing() -> ApiError {
    ApiError::new(ErrorCode::Internal, "调用没有结果")
}

impl<C: Call> AnyCall for Slot<C> {
    fn name(&self) -> &'static str {
        C::NAME
    }

    fn args(&self) -> Result<serde_json::Value, ApiError> {
        serde_json::to_value(self.call.as_ref().ok_or_else(missing)?).map_err(internal)
    }

    fn run_on(&mut self, engine: &Local) -> Result<(), ApiError> {
        let call = self.call.take().ok_or_else(missing)?;
        self.output = Some(call.run(engine)?);
        Ok(())
    }

    fn output_json(&mut self) -> Result<serde_json::Value, ApiError> {
        serde_json::to_value(self.output.take().ok_or_else(missing)?).map_err(internal)
    }

    fn set_output_json(&mut self, json: serde_json::Value) -> Result<(), ApiError> {
        self.output = Some(serde_json::from_value(json).map_err(internal)?);
        Ok(())
    }
}

/// Runs `call` on `backend` off the main thread. A panic inside the call becomes an
/// `internal` error; the engine recovers its connection on the next call.
pub async fn call<C: Call>(backend: Arc<dyn Backend>, call: C) -> Result<C::Output, ApiError> {
    tauri::async_runtime::spawn_blocking(move || {
        let mut slot = Slot::<C> {
            call: Some(call),
            output: None,
        };
        backend.run(&mut slot)?;
        slot.output.ok_or_else(missing)
    })
    .await
    .map_err(|e| {
        tracing::error!(error = %e, "background task failed");
        ApiError::new(ErrorCode::Internal, "后台任务意外中止，请重试")
    })?
}

/// Declares a [`Call`] about this machine: a struct of the command's arguments and what
/// running it does on the local engine.
///
/// ```ignore
/// call!(Logout = "logout" {} -> (), |engine, call| {
///     engine.set_session(None);
///     Ok(())
/// });
/// ```
#[macro_export]
macro_rules! call {
    ($(#[$meta:meta])* $name:ident = $cmd:literal { $($field:ident : $ty:ty),* $(,)? }
        -> $out:ty, |$engine:ident, $call:ident| $body:expr) => {
        $(#[$meta])*
        #[derive(serde::Serialize, serde::Deserialize)]
        pub struct $name {
            $(pub $field: $ty),*
        }

        impl $crate::backend::Call for $name {
            const NAME: &'static str = $cmd;
            type Output = $out;
            #[allow(unused_variables)]
            fn run(
                self,
                $engine: &$crate::backend::Local,
            ) -> Result<$out, zhibiao::api::ApiError> {
                #[allow(unused_imports)]
                use zhibiao::api::commands::Engine as _;
                let $call = self;
                $body
            }
        }
    };
}
