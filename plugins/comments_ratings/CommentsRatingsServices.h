#pragma once
// What every route group of comments_ratings works with: the host's services and the plugin's stores.

#include "killrvideo/plugin/HostServices.h"

#include "AuthorNames.h"
#include "CommentStore.h"
#include "RatingStore.h"
#include "VideoLookup.h"

namespace killrvideo::comments_ratings {

struct CommentsRatingsServices {
  explicit CommentsRatingsServices(plugin::HostServices& host_services)
      : host(host_services),
        comments(host_services.data()),
        ratings(host_services.data()),
        videos(host_services.data()),
        authors(host_services.data()) {}

  plugin::HostServices& host;
  CommentStore comments;
  RatingStore ratings;
  VideoLookup videos;
  AuthorNames authors;
};

}  // namespace killrvideo::comments_ratings
