#include "CommentRoutes.h"

#include "killrvideo/plugin/BodyReader.h"
#include "killrvideo/plugin/Errors.h"
#include "killrvideo/plugin/Pagination.h"
#include "killrvideo/plugin/Responses.h"

#include "CommentJson.h"
#include "CommentsRatingsTables.h"
#include "ErrorDetails.h"
#include "PublishedEvents.h"
#include "Sentiment.h"
#include "TimeUuid.h"

namespace killrvideo::comments_ratings {

namespace {

using plugin::Method;
using plugin::Request;

std::string path_id(const Request& request, std::string_view name) {
  return std::string(request.path_param(name).value_or(""));
}

std::string comment_text(const Request& request) {
  plugin::BodyReader body(request);
  auto text = body.string("text", 1, kMaxCommentLength);
  body.finish();
  return std::move(*text);
}

// A page of a listing whose exact total a counter keeps: rows are read only when the page holds some.
// Parameters are checked (422) before anything is read.
template <class CountAll, class ReadPage>
plugin::Response listing(const Request& request, const AuthorNames& authors, CountAll count_all, ReadPage read_page) {
  const plugin::PageRequest page = plugin::page_request(request);
  const std::int64_t total = count_all();
  const std::int64_t offset = plugin::page_offset(page);
  const std::vector<Comment> comments = offset < total ? read_page(offset, page.page_size) : std::vector<Comment>{};
  return plugin::json_response(200, plugin::page_envelope(comments_json(comments, authors), page, total));
}

}  // namespace

void CommentRoutes::register_with(plugin::Registrar& registrar) {
  registrar.route(Method::Post, "/api/v1/videos/{videoId:uuid}/comments", plugin::Access::Viewer,
                  [this](const Request& request) { return add(request); });
  registrar.route(Method::Get, "/api/v1/videos/{videoId:uuid}/comments", plugin::Access::Public,
                  [this](const Request& request) { return of_video(request); });
  registrar.route(Method::Get, "/api/v1/users/{userId:uuid}/comments", plugin::Access::Public,
                  [this](const Request& request) { return of_user(request); });
}

plugin::Response CommentRoutes::add(const Request& request) const {
  const plugin::Principal* caller = request.principal();
  if (caller == nullptr) throw plugin::Unauthorized(kNotAuthenticatedDetail);
  std::string text = comment_text(request);
  const std::string video_id = path_id(request, "videoId");
  switch (services_.videos.state_of(video_id)) {
    case VideoState::Missing: throw plugin::NotFound(kVideoNotFoundDetail);
    case VideoState::NotReady: throw plugin::NotFound(kVideoNotReadyForCommentsDetail);
    case VideoState::Ready: break;
  }
  const std::string comment_id = services_.host.ids().timeuuid();
  const auto created_ms = timeuuid_epoch_ms(comment_id).value_or(services_.host.clock().now_ms());
  const auto sentiment = sentiment_of(text);
  const Comment comment{comment_id, video_id, caller->user_id, std::move(text), sentiment, created_ms};
  services_.comments.add(comment);
  services_.host.events().publish(kCommentAddedTopic, comment_added_event(comment));
  return plugin::json_response(201, comment_json(comment, services_.authors.of({comment.user_id})));
}

plugin::Response CommentRoutes::of_video(const Request& request) const {
  const std::string video_id = path_id(request, "videoId");
  return listing(request, services_.authors, [&] { return services_.comments.counts().of_video(video_id); },
                 [&](std::int64_t offset, int count) { return services_.comments.of_video(video_id, offset, count); });
}

plugin::Response CommentRoutes::of_user(const Request& request) const {
  const std::string user_id = path_id(request, "userId");
  return listing(request, services_.authors, [&] { return services_.comments.counts().of_user(user_id); },
                 [&](std::int64_t offset, int count) { return services_.comments.of_user(user_id, offset, count); });
}

}  // namespace killrvideo::comments_ratings
