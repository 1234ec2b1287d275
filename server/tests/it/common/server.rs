//! A router on a test database, called the way a browser calls it.

use app::domain::account::Role;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, header};
use sea_orm::EntityTrait;

use super::{Backend, Reply, TestDb};

pub const PASSWORD: &str = "paarse olifant fietst naar Lier";

pub struct Server {
    pub test: TestDb,
    pub router: Router,
    pub state: app::state::AppState,
}

impl Server {
    pub async fn new(backend: Backend) -> Server {
        let test = super::test_db(backend).await;
        let state = super::test_state(&test);
        let router = klik_server::routes::router(state.clone());
        Server {
            test,
            router,
            state,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        super::send(&self.router, request).await
    }

    /// Calls a server function the way the browser's fetch does (JSON answers).
    pub async fn call(&self, name: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Reply {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.call_encoded(name, body, cookie).await
    }

    /// Calls server function `name` with its arguments as a typed value (its generated
    /// struct), encoded as the browser's client encodes them.
    pub async fn call_args(
        &self,
        name: &str,
        args: &impl serde::Serialize,
        cookie: Option<&str>,
    ) -> Reply {
        let body = serde_qs::to_string(args).expect("arguments encode");
        self.call_encoded(name, body, cookie).await
    }

    async fn call_encoded(&self, name: &str, body: String, cookie: Option<&str>) -> Reply {
        let mut request = Request::post(format!("/api/{name}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// Posts a server function's form the way a browser without JavaScript does: it wants
    /// HTML and says which page the form was on.
    pub async fn post_form(
        &self,
        name: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
        page: &str,
    ) -> Reply {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut request = Request::post(format!("/api/{name}"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml")
            .header(header::REFERER, format!("http://localhost{page}"));
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(body)).unwrap()).await
    }

    /// A page, as a browser asks for it.
    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(path).header(header::ACCEPT, "text/html");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    pub async fn user(&self, email: &str, role: Role) -> i32 {
        app::auth::accounts::create_with_password(
            &self.test.db,
            email,
            "Test Persoon",
            PASSWORD,
            role,
            self.state.clock.now(),
        )
        .await
        .expect("user created")
        .id
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.call(
            "login",
            &[("input[email]", email), ("input[password]", password)],
            None,
        )
        .await
    }

    pub async fn session_for(&self, email: &str, role: Role) -> String {
        self.user(email, role).await;
        let reply = self.login(email, PASSWORD).await;
        reply
            .session_cookie()
            .unwrap_or_else(|| panic!("login failed: {} {}", reply.status, reply.body))
    }

    /// A signed-in session of an existing account, made straight in the database (sign-in
    /// itself is throttled, and demo accounts have no known password).
    pub async fn session_of(&self, user_id: i32) -> String {
        let token = app::auth::token::new_token();
        app::db::sessions::create(
            &self.test.db,
            &app::auth::token::hash_token(&token),
            user_id,
            "test",
            self.state.clock.now(),
        )
        .await
        .unwrap();
        format!(
            "{}={token}",
            app::auth::session::cookie_name(&self.state.config)
        )
    }

    pub async fn whoami(&self, cookie: &str) -> Option<app::domain::account::CurrentUser> {
        let reply = self.call("auth_status", &[], Some(cookie)).await;
        let viewer: app::api::account::Viewer = serde_json::from_str(&reply.body).expect("viewer");
        viewer.user
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        app::db::entities::audit_log::Entity::find()
            .all(&self.test.db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.action)
            .collect()
    }
}

/// The phone of the load test encodes forms the same way.
pub use klik_server::load::urlencode;
