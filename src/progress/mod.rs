//! Progress entry rules: validation and the submit / approve workflow. Pure.
